package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.against;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.flowroute.numbers.MessageDirection;
import com.flowroute.numbers.MessageRecord;
import com.flowroute.numbers.PhoneNumber;
import com.flowroute.numbers.sandbox.FlowrouteSandbox;
import com.flowroute.numbers.sandbox.FlowrouteSandboxExtension;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The messaging commands end to end against the sandbox's {@code /v2.1/messages}: what is sent is
 * what the sandbox accepted, and what it holds (sent and received) is what is listed.
 * {@link MessagesCommandsTest} pins the exact request bodies against WireMock.
 */
@ExtendWith(FlowrouteSandboxExtension.class)
class MessagesAgainstSandboxTest {
    private static final String OURS = NumbersCommandsTest.FIRST;
    private static final String THEIRS = "12065550199";

    @Test
    void sendsFromAnAccountNumberAndListsWhatWasSentAndReceived(FlowrouteSandbox sandbox) {
        assertEquals(0, against(sandbox).run("numbers", "buy", OURS).status());

        CliRunner.Result send = against(sandbox).run("messages", "send", "--from", OURS, "--to", "+1 206 555 0199",
                "--text", "Hello from the CLI");
        sandbox.inbound().sms(THEIRS, OURS, "a reply, with a comma");
        CliRunner.Result list = against(sandbox).run("messages", "list", "--since", LocalDate.now(ZoneOffset.UTC).minusDays(1)
                .toString(), "--with-body", "-o", "csv");

        assertEquals(0, send.status(), send::toString);
        String id = send.json().get(0).get("id").asText();
        List<MessageRecord> sent = sandbox.sentMessages();
        assertEquals(1, sent.size(), sent.toString());
        assertEquals(id, sent.get(0).id());
        assertEquals(PhoneNumber.parse(OURS), sent.get(0).from());
        assertEquals(PhoneNumber.parse(THEIRS), sent.get(0).to());
        assertEquals("Hello from the CLI", sent.get(0).body());
        assertEquals(MessageDirection.OUTBOUND, sent.get(0).direction());
        assertFalse(send.out().contains("Hello") || send.err().contains("Hello"), "the text is never printed");

        assertEquals(0, list.status(), list::toString);
        List<String> lines = list.lines();
        assertEquals("id,timestamp,direction,from,to,status,mms,amount,body", lines.get(0));
        assertEquals(3, lines.size(), list::toString);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith(id + ",") && line.contains(",outbound," + OURS + "," + THEIRS + ",")
                && line.endsWith(",Hello from the CLI")), list::toString);
        assertTrue(lines.stream().anyMatch(line -> line.contains(",inbound," + THEIRS + "," + OURS + ",")
                && line.endsWith(",\"a reply, with a comma\"")), list::toString);
    }

    @Test
    void aNumberNotOnTheAccountIsRefusedByTheSandboxAndNothingIsSent(FlowrouteSandbox sandbox) {
        CliRunner.Result run = against(sandbox).run("messages", "send", "--from", OURS, "--to", THEIRS, "--text", "hi");

        assertEquals(1, run.status(), run::toString);
        assertEquals(1, run.err().lines().count(), run::toString);
        assertTrue(run.err().contains("403"), run::toString);
        assertTrue(sandbox.sentMessages().isEmpty());
    }
}
