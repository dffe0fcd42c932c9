package com.flowroute.numbers.examples;

import com.flowroute.numbers.CallbackType;
import com.flowroute.numbers.FlowrouteWebhooks;
import com.flowroute.numbers.InboundMessage;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A webhook receiver that answers texts: a small Reactor Netty endpoint for the account's SMS
 * callback ({@code POST /flowroute/sms}) that reads each inbound message with
 * {@link FlowrouteWebhooks#inboundMessage(byte[])} and texts a reply back from the number that
 * received it, with the reactive client.
 *
 * <p>It answers Flowroute 200 as soon as the webhook is read, and sends the reply in the
 * background: a receiver that made Flowroute wait for the reply (paced at 5 texts a second) would
 * be retried, 30 s apart, and reply twice. Flowroute also retries when a 200 is lost on the way,
 * so replies are sent once per message id. A reply that fails is logged (without its text) and
 * not retried: the inbound message has been acknowledged. A body that is not an inbound message
 * gets a 400.
 *
 * <p>Without {@code --live} it starts a sandbox, buys a number, points the number's SMS callback
 * at itself, simulates a text to it and waits for the reply, then exits. With {@code --live} it
 * serves until stopped and, given {@code --public-url https://...} (the address at which
 * Flowroute reaches this endpoint, such as a tunnel's), sets the account's SMS callback to it.
 * {@code --port N} chooses the port (default 8081).
 */
public final class TextResponder implements AutoCloseable {
    /** The path the SMS callback points at. */
    public static final String PATH = "/flowroute/sms";
    /** How many message ids it remembers to answer each once. */
    private static final int REMEMBERED = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(TextResponder.class);

    private final ReactiveFlowrouteClient flowroute;
    private final Function<InboundMessage, Optional<String>> replies;
    private final DisposableServer server;
    private final Disposable.Composite sending = Disposables.composite();
    private final Set<String> answered = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<String, Boolean>() {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    /**
     * Starts the responder on 127.0.0.1:{@code port} (0 for any free port).
     *
     * @param flowroute the client that sends the replies; the caller closes it
     * @param replies the reply to each message, or empty for none
     */
    public TextResponder(ReactiveFlowrouteClient flowroute, int port, Function<InboundMessage, Optional<String>> replies) {
        this.flowroute = flowroute;
        this.replies = replies;
        this.server = HttpServer.create()
                .host("127.0.0.1")
                .port(port)
                .route(routes -> routes.post(PATH, this::receive))
                .bindNow();
    }

    /** Starts the responder with the {@link #keywordReply(InboundMessage) keyword replies}. */
    public TextResponder(ReactiveFlowrouteClient flowroute, int port) {
        this(flowroute, port, TextResponder::keywordReply);
    }

    /** The URL to set as the SMS callback when Flowroute (or a sandbox) runs on this machine. */
    public URI callbackUrl() {
        return URI.create("http://127.0.0.1:" + server.port() + PATH);
    }

    /**
     * The default replies: {@code HOURS} gets the opening hours, {@code STOP} no reply (the
     * carrier handles the opt-out), anything else a thank-you that mentions {@code HOURS}.
     */
    public static Optional<String> keywordReply(InboundMessage message) {
        String keyword = message.body().strip().toUpperCase(Locale.ROOT);
        return switch (keyword) {
            case "STOP" -> Optional.empty();
            case "HOURS" -> Optional.of("We are open Monday to Friday, 9 am to 5 pm.");
            default -> Optional.of("Thanks for your text! Reply HOURS for our opening hours.");
        };
    }

    private Mono<Void> receive(HttpServerRequest request, HttpServerResponse response) {
        return body(request)
                .flatMap(body -> {
                    InboundMessage message;
                    try {
                        message = FlowrouteWebhooks.inboundMessage(body);
                    } catch (IllegalArgumentException notAMessage) {
                        // The message says what is wrong with the body, never what it holds.
                        return response.status(HttpResponseStatus.BAD_REQUEST).sendString(Mono.just(notAMessage.getMessage()))
                                .then();
                    }
                    if (answered.add(message.id())) {
                        replies.apply(message).ifPresent(text -> reply(message, text));
                    }
                    return response.status(HttpResponseStatus.OK).send();
                })
                .onErrorResume(TooLarge.class, tooLarge -> response.status(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE).send());
    }

    /** Sends {@code text} to the sender from the number that received the message, in the background. */
    private void reply(InboundMessage message, String text) {
        Disposable.Swap slot = Disposables.swap();
        sending.add(slot);
        slot.update(flowroute.messages().send(OutboundMessage.sms(message.to(), message.from(), text))
                .doFinally(signal -> sending.remove(slot))
                .subscribe(
                        id -> LOG.info("replied to {} ({}) with {}", message.from(), message.id(), id),
                        failed -> LOG.warn("the reply to {} ({}) was not sent: {}", message.from(), message.id(),
                                failed.toString())));
    }

    /** The request body, refused past the size of any webhook Flowroute sends. */
    private static Mono<byte[]> body(HttpServerRequest request) {
        return request.receive()
                .reduceWith(ByteArrayOutputStream::new, TextResponder::append)
                .map(ByteArrayOutputStream::toByteArray)
                .defaultIfEmpty(new byte[0]);
    }

    private static ByteArrayOutputStream append(ByteArrayOutputStream received, ByteBuf buffer) {
        if (received.size() + buffer.readableBytes() > FlowrouteWebhooks.MAX_BODY_BYTES) {
            throw new TooLarge();
        }
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        received.write(bytes, 0, bytes.length);
        return received;
    }

    /** A body larger than any webhook. */
    private static final class TooLarge extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("the body is larger than any Flowroute webhook", null, false, false);
        }
    }

    /** Stops listening and cancels replies still being sent (not the Flowroute client, which the caller owns). */
    @Override
    public void close() {
        server.disposeNow();
        sending.dispose();
    }

    /**
     * Runs the responder: against a sandbox, a round trip that exits; with {@code --live}, until stopped.
     *
     * @param args {@code --live}, {@code --public-url URL}, {@code --port N}
     */
    public static void main(String[] args) throws InterruptedException {
        int port = 8081;
        URI publicUrl = null;
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals("--port")) {
                port = Integer.parseInt(args[i + 1]);
            } else if (args[i].equals("--public-url")) {
                publicUrl = URI.create(args[i + 1]);
            }
        }
        if (!java.util.Arrays.asList(args).contains("--live")) {
            try (FlowrouteSandbox sandbox = FlowrouteSandbox.start();
                    ReactiveFlowrouteClient flowroute = ReactiveFlowrouteClient.builder().baseUrl(sandbox.baseUrl())
                            .credentials(sandbox.credentials()).build()) {
                roundTrip(sandbox, flowroute, port, System.out);
            }
            return;
        }
        try (Target target = Target.fromArgs(args)) {
            ReactiveFlowrouteClient flowroute = target.configure(ReactiveFlowrouteClient.builder()).build();
            TextResponder responder = new TextResponder(flowroute, port);
            System.out.println(target.describe());
            System.out.println("Answering texts posted to " + responder.callbackUrl());
            if (publicUrl != null) {
                flowroute.messages().setCallback(CallbackType.SMS, publicUrl).block(Duration.ofSeconds(30));
                System.out.println("The account's SMS callback is now " + publicUrl);
            } else {
                System.out.println("Point the account's SMS callback at this endpoint's public address (--public-url)");
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                responder.close();
                flowroute.close();
                stopped.countDown();
            }));
            stopped.await();
        }
    }

    /**
     * Against a sandbox: buys a number, sets its SMS callback to a responder, simulates a text to
     * it and waits for the reply. Prints who texted whom, never what they wrote.
     *
     * @return the reply, as the sandbox recorded it
     */
    static MessageRecord roundTrip(FlowrouteSandbox sandbox, ReactiveFlowrouteClient flowroute, int port, PrintStream out) {
        Duration wait = Duration.ofSeconds(30);
        PhoneNumber ours = flowroute.availableNumbers().search().blockFirst(wait).number();
        flowroute.numbers().purchase(ours).block(wait);
        try (TextResponder responder = new TextResponder(flowroute, port)) {
            flowroute.messages().setCallback(CallbackType.SMS, responder.callbackUrl()).block(wait);
            out.println("Target: embedded Flowroute sandbox at " + sandbox.baseUrl() + "; bought " + ours
                    + ", its SMS callback is " + responder.callbackUrl());
            InboundMessage text = sandbox.inbound().sms(PhoneNumber.parse("13125550199"), ours, "What are your hours?");
            out.println("Simulated a text from " + text.from() + " to " + text.to() + " (" + text.id() + ")");
            MessageRecord reply = Flux.interval(Duration.ZERO, Duration.ofMillis(20))
                    .concatMapIterable(tick -> sandbox.sentMessages())
                    .filter(sent -> sent.to().equals(text.from()))
                    .next()
                    .block(wait);
            out.println("Replied from " + reply.from() + " to " + reply.to() + " with " + reply.id() + " ("
                    + reply.body().codePointCount(0, reply.body().length()) + " characters)");
            return reply;
        }
    }
}
