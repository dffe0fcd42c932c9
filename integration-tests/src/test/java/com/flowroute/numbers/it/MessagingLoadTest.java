package com.flowroute.numbers.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.reactive.RetryPolicy;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * 1,000 texts through one reactive client, 50 in flight, against a sandbox that enforces a
 * message rate limit and faults about 2% of the requests at random (seeded), some of them after
 * applying the send (the answer is lost, the text went out). The sandbox is the judge: every send
 * ends, each text is sent exactly once under the id the client reported, and the sandbox never
 * accepted more sends in any one-second window than its limit.
 *
 * <p>The sandbox's limit is 200 messages per second rather than Flowroute's 5, so that 1,000 sends
 * take about five seconds; the client paces at 190, as a sender should leave itself headroom:
 * its timers fire a few milliseconds late now and then, and at exactly the limit any such
 * lateness followed by an on-time send is a 429 (with a {@code Retry-After} of a whole second).
 */
class MessagingLoadTest {
    private static final int SENDS = 1_000;
    private static final int IN_FLIGHT = 50;
    private static final int LIMIT = 200;
    private static final int CLIENT_RATE = 190;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String OURS = "12066417744";
    private static final String THEIRS = "13125550199";
    private static final String MESSAGES = "/v2.1/messages";

    /** How one send ended: its id, or its error. */
    record Outcome(int index, String id, Throwable error) {}

    @Test
    void aThousandSendsWithFaultsAreEachSentOnceWithinTheRateLimit() {
        try (FlowrouteSandbox sandbox = FlowrouteSandbox.builder().messageRateLimit(LIMIT).start();
                ReactiveFlowrouteClient rx = ReactiveFlowrouteClient.builder()
                        .baseUrl(sandbox.baseUrl())
                        .credentials(sandbox.credentials())
                        .messageRate(CLIENT_RATE)
                        .responseTimeout(Duration.ofSeconds(5))
                        .retryPolicy(RetryPolicy.builder().minBackoff(Duration.ofMillis(5)).maxBackoff(Duration.ofMillis(50))
                                .build())
                        .build()) {
            rx.numbers().purchase(OURS).block(WAIT);
            int setUp = sandbox.journal().size();

            // About 2% of the sends and of the look-ups; half of the faulted sends were applied.
            sandbox.faults()
                    .randomly(0.01, 1).matching("POST", MESSAGES).processThenDrop()
                    .randomly(0.005, 2).matching("POST", MESSAGES).dropConnection()
                    .randomly(0.005, 3).matching("POST", MESSAGES).respond(503)
                    .randomly(0.02, 4).matching("GET", MESSAGES).respond(503);

            List<Outcome> outcomes = Flux.range(0, SENDS)
                    .flatMap(i -> rx.messages().send(OutboundMessage.sms(OURS, THEIRS, body(i)))
                            .map(id -> new Outcome(i, id, null))
                            // The test's bookkeeping: every ending, success or error, is an outcome to judge.
                            .onErrorResume(error -> Mono.just(new Outcome(i, null, error))), IN_FLIGHT)
                    .collectList()
                    .block(WAIT);

            // Every send ended, and each was reported sent.
            assertNotNull(outcomes);
            assertEquals(SENDS, outcomes.size());
            List<Outcome> failed = outcomes.stream().filter(o -> o.error() != null).toList();
            assertEquals(List.of(), failed.stream().map(o -> o.index() + ": " + o.error()).toList(), "sends that failed");

            // None sent twice, none lost: the sandbox holds exactly the texts, under the ids reported.
            List<MessageRecord> sent = sandbox.sentMessages();
            Map<String, String> idByBody = new HashMap<>();
            for (MessageRecord record : sent) {
                String previous = idByBody.put(record.body(), record.id());
                assertEquals(null, previous, () -> record.body() + " was sent twice");
            }
            assertEquals(SENDS, sent.size());
            Set<String> reportedIds = new HashSet<>();
            for (Outcome outcome : outcomes) {
                assertEquals(idByBody.get(body(outcome.index())), outcome.id(), () -> "the id reported for " + body(outcome.index()));
                assertTrue(reportedIds.add(outcome.id()), () -> "id " + outcome.id() + " reported for two sends");
            }

            // No one-second window of the sandbox's accept times holds more than the limit.
            List<Instant> accepted = sent.stream().map(MessageRecord::timestamp).toList();
            for (int i = 0; i + LIMIT < accepted.size(); i++) {
                Duration span = Duration.between(accepted.get(i), accepted.get(i + LIMIT));
                assertTrue(span.compareTo(Duration.ofSeconds(1)) >= 0, "sends " + i + " to " + (i + LIMIT)
                        + " were accepted within " + span);
            }

            // The faults did happen, and the client paced itself rather than leaning on 429s.
            List<RecordedRequest> underLoad = sandbox.journal().subList(setUp, sandbox.journal().size());
            Map<String, Long> statuses = underLoad.stream().collect(Collectors.groupingBy(
                    r -> r.method() + " " + (r.answered() ? Integer.toString(r.status()) : "unanswered"), TreeMap::new,
                    Collectors.counting()));
            long unansweredSends = statuses.getOrDefault("POST unanswered", 0L);
            long limited = statuses.getOrDefault("POST 429", 0L);
            assertTrue(unansweredSends >= 5, "sends went unanswered: " + statuses);
            // A send applied but unanswered is one whose text no answered attempt carried: the
            // client found it by its look-up instead of sending it again.
            Set<String> answeredTexts = underLoad.stream().filter(r -> r.method().equals("POST") && r.status() == 202)
                    .map(r -> textOf(r.body())).collect(Collectors.toSet());
            long appliedButUnanswered = underLoad.stream()
                    .filter(r -> r.method().equals("POST") && !r.answered())
                    .map(r -> textOf(r.body()))
                    .filter(text -> !answeredTexts.contains(text) && idByBody.containsKey(text))
                    .distinct()
                    .count();
            assertTrue(appliedButUnanswered >= 3, "sends applied whose answer was lost: " + appliedButUnanswered);
            assertTrue(statuses.getOrDefault("GET 503", 0L) >= 1, "look-ups were faulted too: " + statuses);
            assertTrue(limited < SENDS / 20, "the client paced its sends: " + statuses);
            Duration took = Duration.between(accepted.get(0), accepted.get(accepted.size() - 1));
            System.out.println("MessagingLoadTest: " + SENDS + " sends accepted over " + took.toMillis() + " ms; requests: "
                    + statuses + "; " + appliedButUnanswered + " applied but unanswered");
        }
    }

    /** The text in the JSON body of a send, by the index the test gave it. */
    private static String textOf(String requestBody) {
        int start = requestBody.indexOf(body(0).substring(0, body(0).length() - 1));
        int end = requestBody.indexOf('"', start);
        return requestBody.substring(start, end);
    }

    private static String body(int index) {
        return "load test message " + index;
    }
}
