package com.flowroute.numbers.cli;

import com.flowroute.numbers.MessageQuery;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.OutboundMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowroute messages ...}: SMS and MMS over v2.1. */
@Command(name = "messages", mixinStandardHelpOptions = true, description = "Text messages (SMS and MMS).",
        subcommands = {MessagesCommand.Send.class, MessagesCommand.ListMessages.class})
final class MessagesCommand {
    private MessagesCommand() {}

    /** {@code messages send --from N --to N --text T}. */
    @Command(name = "send", mixinStandardHelpOptions = true, description = "Send an SMS, or an MMS with --media.")
    static final class Send extends ApiCommand {
        @Option(names = "--from", required = true, paramLabel = "NUMBER", description = "A number of the account with messaging on.")
        String from;

        @Option(names = "--to", required = true, paramLabel = "NUMBER", description = "The recipient.")
        String to;

        @Option(names = "--text", required = true, paramLabel = "TEXT", description = "The text; - reads it from stdin.")
        String text;

        @Option(names = "--media", paramLabel = "URL", description = "A media URL to send as an MMS (repeatable).")
        List<String> media = new ArrayList<>();

        @Option(names = "--callback", paramLabel = "URL", description = "Where Flowroute posts the delivery receipt.")
        String callback;

        private OutboundMessage message;

        @Override
        void check() {
            String body = text.equals("-") ? readStdin() : text;
            List<URI> urls = new ArrayList<>();
            for (String url : media) {
                urls.add(uri("--media", url));
            }
            OutboundMessage built = urls.isEmpty() ? OutboundMessage.sms(from, to, body) : OutboundMessage.mms(from, to, body, urls);
            message = callback == null ? built : built.withDeliveryCallback(uri("--callback", callback));
        }

        private String readStdin() {
            try {
                return new String(FlowrouteCli.of(spec).shell().stdin().readAllBytes(), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the text from stdin: " + e.getMessage(), e);
            }
        }

        private static URI uri(String option, String text) {
            try {
                return new URI(text);
            } catch (URISyntaxException e) {
                throw BadInput.invalid(option, text, "must be a URL (" + e.getReason() + ")");
            }
        }

        @Override
        Map<String, String> options() {
            return Map.of("from", "--from", "to", "--to", "body", "--text", "mediaUrls", "--media",
                    "deliveryCallback", "--callback", "number", "NUMBER");
        }

        @Override
        int run(Session session) {
            String id = session.client().messages().send(message);
            try (RowWriter record = session.record(List.of(Column.of("id"), Column.of("from"), Column.of("to")))) {
                record.row(id, message.from(), message.to());
            }
            return Exit.OK;
        }
    }

    /** {@code messages list --since 2026-12-01}. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the account's messages in a period.")
    static final class ListMessages extends ApiCommand {
        @Option(names = "--since", required = true, paramLabel = "DATE", description = "Start: a date (2026-12-01, UTC) or an ISO-8601 date-time.")
        String since;

        @Option(names = "--until", paramLabel = "DATE", description = "End, like --since (default: now).")
        String until;

        @Option(names = "--limit", paramLabel = "N", description = "Show at most N (default: all).")
        Integer limit;

        @Option(names = "--with-body", description = "Show each message's text too (left out by default).")
        boolean withBody;

        private MessageQuery query;

        @Override
        void check() {
            checkLimit(limit);
            query = MessageQuery.builder().start(instant("--since", since))
                    .end(Optional.ofNullable(until).map(text -> instant("--until", text)))
                    .pageSize(pageSize(limit)).build();
        }

        static Instant instant(String option, String text) {
            try {
                return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                        : OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw BadInput.invalid(option, text, "must be a date such as 2026-12-01 (UTC) or an ISO-8601 date-time"
                        + " such as 2026-12-01T09:30:00Z");
            }
        }

        @Override
        Map<String, String> options() {
            return Map.of("end", "--until", "start", "--since", "pageSize", "--limit");
        }

        @Override
        int run(Session session) {
            List<Column> columns = new ArrayList<>(List.of(Column.of("id"), Column.of("timestamp"), Column.of("direction"),
                    Column.of("from"), Column.of("to"), Column.of("status"), new Column("mms", "MMS"),
                    new Column("amount", "AMOUNT $")));
            if (withBody) {
                columns.add(Column.of("body"));
            }
            try (RowWriter rows = session.rows(columns);
                    Stream<MessageRecord> messages = session.client().messages().list(query).stream()) {
                (limit == null ? messages : messages.limit(limit)).forEach(message -> {
                    List<Object> values = new ArrayList<>(List.of(message.id(), message.timestamp(), message.direction().value(),
                            message.from(), message.to(), message.status().value(), message.isMms(), message.amount()));
                    if (withBody) {
                        values.add(message.body());
                    }
                    rows.row(values.toArray());
                });
            }
            return Exit.OK;
        }
    }
}
