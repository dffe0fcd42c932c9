package com.flowroute.numbers;

import java.util.Optional;

/**
 * Which of the account's messaging callback URLs to set: where Flowroute POSTs inbound SMS, inbound
 * MMS, or the delivery receipts of sent SMS and MMS.
 */
public enum CallbackType {
    /** Inbound SMS. */
    SMS("sms_callback"),
    /** Inbound MMS. */
    MMS("mms_callback"),
    /** Delivery receipts of sent SMS. */
    SMS_DLR("sms_dlr_callback"),
    /** Delivery receipts of sent MMS. */
    MMS_DLR("mms_dlr_callback");

    /** The older name of {@link #SMS_DLR}'s path, from when only SMS had delivery receipts. */
    private static final String LEGACY_DLR = "dlr_callback";

    private final String pathSegment;

    CallbackType(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The last segment of the path that sets this callback, such as {@code sms_callback} in {@code PUT /v2.1/messages/sms_callback}. */
    public String pathSegment() {
        return pathSegment;
    }

    /**
     * The callback type whose path ends in {@code segment}; {@code dlr_callback}, the older name,
     * is {@link #SMS_DLR}.
     *
     * @param segment a path segment such as {@code mms_dlr_callback}
     * @return the type, or empty when no type has that segment
     */
    public static Optional<CallbackType> ofPathSegment(String segment) {
        if (LEGACY_DLR.equals(segment)) {
            return Optional.of(SMS_DLR);
        }
        for (CallbackType type : values()) {
            if (type.pathSegment.equals(segment)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
