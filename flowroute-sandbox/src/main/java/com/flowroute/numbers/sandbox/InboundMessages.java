package com.flowroute.numbers.sandbox;

import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.internal.PhoneNumbers;
import java.net.URI;
import java.util.List;

/**
 * Simulates texts sent to the account's numbers, as if from a phone: each is recorded as an
 * inbound message (listed and looked up over {@code /v2.1/messages}) and, when the account's SMS
 * or MMS callback is set, posted to it as Flowroute posts one (JSON:API, read by
 * {@code FlowrouteWebhooks.inboundMessage}), retried while the receiver does not answer 200.
 * The post happens in the background: these methods return once the message is recorded.
 * Obtained from {@link FlowrouteSandbox#inbound()}; thread-safe.
 *
 * <pre>{@code
 * sandbox.inbound().sms("12065550199", "12066417744", "hello");   // 12066417744 is on the account
 * }</pre>
 *
 * <p>Bodies and media follow the rules of an {@link OutboundMessage}: an SMS body not blank and at
 * most 1,600 characters, an MMS with 1 to 10 https media URLs.
 */
public final class InboundMessages {
    private final Messaging messaging;

    InboundMessages(Messaging messaging) {
        this.messaging = messaging;
    }

    /**
     * An SMS from {@code from} to the account's number {@code to}.
     *
     * @param from the sender, any NANP number in a form {@link PhoneNumber#parse(String)} reads
     * @param to a number on the account
     * @param body the text
     * @return the message as recorded and posted
     * @throws IllegalArgumentException naming the field when a number or the body breaks a rule,
     *     or {@code to} is not on the account
     */
    public InboundMessage sms(String from, String to, String body) {
        return sms(PhoneNumbers.parse("from", from), PhoneNumbers.parse("to", to), body);
    }

    /**
     * An SMS from {@code from} to the account's number {@code to}.
     *
     * @return the message as recorded and posted
     * @throws IllegalArgumentException naming the field when the body breaks a rule or {@code to}
     *     is not on the account
     */
    public InboundMessage sms(PhoneNumber from, PhoneNumber to, String body) {
        return messaging.receive(OutboundMessage.sms(from, to, body));
    }

    /**
     * An MMS from {@code from} to the account's number {@code to}.
     *
     * @param from the sender, any NANP number in a form {@link PhoneNumber#parse(String)} reads
     * @param to a number on the account
     * @param body the text, possibly empty
     * @param media 1 to 10 absolute https URLs
     * @return the message as recorded and posted
     * @throws IllegalArgumentException naming the field when a number, the body or a media URL
     *     breaks a rule, or {@code to} is not on the account
     */
    public InboundMessage mms(String from, String to, String body, List<URI> media) {
        return mms(PhoneNumbers.parse("from", from), PhoneNumbers.parse("to", to), body, media);
    }

    /**
     * An MMS from {@code from} to the account's number {@code to}.
     *
     * @return the message as recorded and posted
     * @throws IllegalArgumentException naming the field when the body or a media URL breaks a
     *     rule, or {@code to} is not on the account
     */
    public InboundMessage mms(PhoneNumber from, PhoneNumber to, String body, List<URI> media) {
        return messaging.receive(OutboundMessage.mms(from, to, body, media));
    }
}
