package com.flowroute.numbers;

import com.flowroute.numbers.internal.PhoneNumbers;
import com.flowroute.numbers.internal.Validation;
import com.flowroute.numbers.internal.UrlChecks;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An SMS or MMS to send from one of the account's numbers.
 *
 * <p>{@code OutboundMessage.sms("12065550100", "12065550199", "hello there")},
 * {@code OutboundMessage.mms(from, to, "look", List.of(URI.create("https://example.com/cat.gif")))},
 * either followed by {@code .withDeliveryCallback(URI)} for receipts of this message only.
 * Everything is checked when the message is made, before anything is sent:
 * <ul>
 *   <li>{@code from} and {@code to} are NANP numbers (as {@link PhoneNumber#parse(String)} reads them);
 *   <li>an SMS body is not blank and has at most {@value #MAX_SMS_CHARACTERS} characters, counted
 *       as Unicode code points (what a reader sees as characters: an emoji is one), not UTF-16 units;
 *       Flowroute splits long texts into several SMS itself;
 *   <li>an MMS has 1 to {@value #MAX_MEDIA} media URLs, each absolute {@code https}; its body may
 *       be empty (Flowroute's API does not require one; an MMS can be media only) and has no
 *       length rule of its own here;
 *   <li>a delivery callback is an absolute {@code http} or {@code https} URL.
 * </ul>
 * The body is personal data: it never appears in {@link #toString()} or in an exception message,
 * only its length does.
 */
@Value.Immutable
public abstract class OutboundMessage {
    /** The most characters (Unicode code points) an SMS body may have. */
    public static final int MAX_SMS_CHARACTERS = 1600;
    /** The most media URLs an MMS may carry. */
    public static final int MAX_MEDIA = 10;

    /** The sending number, one of the account's numbers with messaging enabled. */
    // The contract's name; it takes the builder's from(instance) copy method, which is not needed.
    @SuppressWarnings("immutables:from")
    public abstract PhoneNumber from();

    /** The receiving number. */
    public abstract PhoneNumber to();

    /** The text; for an MMS it may be empty. */
    public abstract String body();

    /** Whether this is an MMS (with media) rather than an SMS. */
    public abstract boolean isMms();

    /** The media of an MMS, in order; empty for an SMS. */
    public abstract List<URI> mediaUrls();

    /** Where Flowroute posts the delivery receipts of this message, when set. */
    public abstract Optional<URI> deliveryCallback();

    /**
     * An SMS.
     *
     * @param from the sending number, in any form {@link PhoneNumber#parse(String)} reads
     * @param to the receiving number
     * @param body the text: not blank, at most {@value #MAX_SMS_CHARACTERS} characters
     * @return the message
     * @throws IllegalArgumentException naming the field, the value (a body only by its length) and the rule
     */
    public static OutboundMessage sms(String from, String to, String body) {
        return sms(PhoneNumbers.parse("from", from), PhoneNumbers.parse("to", to), body);
    }

    /**
     * An SMS.
     *
     * @param from the sending number
     * @param to the receiving number
     * @param body the text: not blank, at most {@value #MAX_SMS_CHARACTERS} characters
     * @return the message
     * @throws IllegalArgumentException naming the field, the value (a body only by its length) and the rule
     */
    public static OutboundMessage sms(PhoneNumber from, PhoneNumber to, String body) {
        requireParts(from, to, body);
        return ImmutableOutboundMessage.builder().from(from).to(to).body(body).mms(false).build();
    }

    /**
     * An MMS.
     *
     * @param from the sending number, in any form {@link PhoneNumber#parse(String)} reads
     * @param to the receiving number
     * @param body the text, possibly empty
     * @param media 1 to {@value #MAX_MEDIA} absolute {@code https} URLs that Flowroute fetches
     * @return the message
     * @throws IllegalArgumentException naming the field, the value (a body only by its length) and the rule
     */
    public static OutboundMessage mms(String from, String to, String body, List<URI> media) {
        return mms(PhoneNumbers.parse("from", from), PhoneNumbers.parse("to", to), body, media);
    }

    /**
     * An MMS.
     *
     * @param from the sending number
     * @param to the receiving number
     * @param body the text, possibly empty
     * @param media 1 to {@value #MAX_MEDIA} absolute {@code https} URLs that Flowroute fetches
     * @return the message
     * @throws IllegalArgumentException naming the field, the value (a body only by its length) and the rule
     */
    public static OutboundMessage mms(PhoneNumber from, PhoneNumber to, String body, List<URI> media) {
        requireParts(from, to, body);
        Validation.require(media != null, "mediaUrls", null, "an MMS needs 1 to " + MAX_MEDIA + " media URLs");
        for (int i = 0; i < media.size(); i++) {
            Validation.require(media.get(i) != null, "mediaUrls[" + i + "]", null, "is required");
        }
        return ImmutableOutboundMessage.builder().from(from).to(to).body(body).mms(true).mediaUrls(media).build();
    }

    /**
     * A copy of this message whose delivery receipts Flowroute posts to {@code callback}.
     *
     * @param callback an absolute {@code http} or {@code https} URL
     * @return the copy
     * @throws IllegalArgumentException if {@code callback} is null or not such a URL
     */
    public OutboundMessage withDeliveryCallback(URI callback) {
        UrlChecks.callback("deliveryCallback", callback);
        // No builder().from(this): the attribute named "from" takes that name.
        return ImmutableOutboundMessage.builder().from(from()).to(to()).body(body()).mms(isMms())
                .mediaUrls(mediaUrls()).deliveryCallback(callback).build();
    }

    private static void requireParts(PhoneNumber from, PhoneNumber to, String body) {
        Validation.require(from != null, "from", null, "is required");
        Validation.require(to != null, "to", null, "is required");
        Validation.require(body != null, "body", null, "is required (an MMS may have an empty one)");
    }

    /** Enforces the rules, naming the field, the value (a body only by its length) and the rule on failure. */
    @Value.Check
    protected void check() {
        String body = body();
        if (isMms()) {
            int count = mediaUrls().size();
            Validation.require(count >= 1 && count <= MAX_MEDIA, "mediaUrls", mediaUrls(),
                    "an MMS needs 1 to " + MAX_MEDIA + " media URLs");
            for (int i = 0; i < count; i++) {
                UrlChecks.media("mediaUrls[" + i + "]", mediaUrls().get(i));
            }
        } else {
            Validation.require(!body.isBlank(), "body", MessageText.redacted(body), "an SMS body must not be blank");
            Validation.require(MessageText.characters(body) <= MAX_SMS_CHARACTERS, "body", MessageText.redacted(body),
                    "an SMS body must be at most " + MAX_SMS_CHARACTERS
                            + " characters (Unicode code points; send longer text as several messages)");
            Validation.require(mediaUrls().isEmpty(), "mediaUrls", mediaUrls(), "an SMS has no media; send an MMS");
        }
        deliveryCallback().ifPresent(url -> UrlChecks.callback("deliveryCallback", url));
    }

    /** The message with its body shown only by its length. */
    @Override
    public String toString() {
        return "OutboundMessage{from=" + from() + ", to=" + to() + ", body=" + MessageText.redacted(body())
                + ", mms=" + isMms() + ", mediaUrls=" + mediaUrls()
                + deliveryCallback().map(url -> ", deliveryCallback=" + url).orElse("") + "}";
    }
}
