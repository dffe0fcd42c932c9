package com.flowroute.numbers.cli;

import static com.flowroute.numbers.cli.CliRunner.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class ErrorReportTest {
    @Test
    void anUnreachableServerIsOneLineAndVerboseAddsTheCauses() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        CliRunner target = cli().env("FLOWROUTE_BASE_URL", "http://127.0.0.1:" + closedPort)
                .env("FLOWROUTE_ACCESS_KEY", "key").env("FLOWROUTE_SECRET_KEY", "secret");

        CliRunner.Result plain = target.run("routes", "list");
        CliRunner.Result verbose = target.run("routes", "list", "--verbose");

        assertEquals(1, plain.status(), plain::toString);
        assertEquals(1, plain.err().lines().count(), plain::toString);
        assertTrue(plain.err().startsWith("flowroute: GET /v1/routes/") && plain.err().contains("could not connect"), plain::toString);
        assertEquals(1, verbose.status());
        assertTrue(verbose.err().startsWith(plain.err().substring(0, plain.err().indexOf('('))), verbose::toString);
        assertTrue(verbose.err().lines().skip(1).allMatch(line -> line.startsWith("flowroute:   caused by ")), verbose::toString);
        assertTrue(verbose.err().contains("caused by java.net.ConnectException"), verbose::toString);
    }
}
