package com.flowroute.numbers.reactive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/** The masking of the Authorization value in what the wiretap sees; the bytes sent are the originals. */
class WiretapRedactionTest {
    private static String masked(String head) {
        ByteBuf original = Unpooled.copiedBuffer(head, StandardCharsets.ISO_8859_1);
        ByteBuf masked = WiretapRedaction.masked(original);
        try {
            assertEquals(head, original.toString(StandardCharsets.ISO_8859_1), "the original is untouched");
            return masked == null ? null : masked.toString(StandardCharsets.ISO_8859_1);
        } finally {
            original.release();
            if (masked != null) {
                masked.release();
            }
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET / HTTP/1.1\\r\\nauthorization: Basic YWJjOmRlZg==\\r\\nx: y\\r\\n\\r\\n | GET / HTTP/1.1\\r\\nauthorization: Basic ************\\r\\nx: y\\r\\n\\r\\n",
        "GET / HTTP/1.1\\r\\nAuthorization: Basic YWJj\\r\\n\\r\\n | GET / HTTP/1.1\\r\\nAuthorization: Basic ****\\r\\n\\r\\n",
        "GET / HTTP/1.1\\r\\nAUTHORIZATION:Bearer t0k3n\\r\\n | GET / HTTP/1.1\\r\\nAUTHORIZATION:Bearer *****\\r\\n",
        "GET / HTTP/1.1\\r\\nauthorization: opaque\\r\\n | GET / HTTP/1.1\\r\\nauthorization: ******\\r\\n",
        "PUT / HTTP/1.1\\r\\nauthorization: Basic QQ==\\r\\nauthorization: Basic Qg==\\r\\n | PUT / HTTP/1.1\\r\\nauthorization: Basic ****\\r\\nauthorization: Basic ****\\r\\n",
        "GET / HTTP/1.1\\r\\nauthorization: Basic cut-off-at-the-end | GET / HTTP/1.1\\r\\nauthorization: Basic ******************",
    })
    void theCredentialsAreMaskedAndTheSchemeKept(String head, String expected) {
        assertEquals(unescape(expected.strip()), masked(unescape(head.strip())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "GET / HTTP/1.1\\r\\nx-authorization: Basic YWJj\\r\\n\\r\\n",
        "GET / HTTP/1.1\\r\\nproxy-authorization: Basic YWJj\\r\\n\\r\\n",
        "{\"authorization\": \"in a body\"}",
        "''",
    })
    void withoutAnAuthorizationHeaderNothingIsCopied(String bytes) {
        assertNull(masked(unescape(bytes)));
    }

    @Test
    void aClientWithoutWiretapIsLeftAsItIs() {
        HttpClient plain = HttpClient.create();
        assertSame(plain, WiretapRedaction.apply(plain));
    }

    @Test
    void anHttp2WiretapIsTurnedOff() {
        HttpClient h2 = HttpClient.create().protocol(HttpProtocol.H2C, HttpProtocol.HTTP11).wiretap(true);
        assertNull(WiretapRedaction.apply(h2).configuration().loggingHandler());
        HttpClient h1 = HttpClient.create().wiretap(true);
        assertSame(h1.configuration().loggingHandler(), WiretapRedaction.apply(h1).configuration().loggingHandler(),
                "over HTTP/1.1 the caller's wiretap stays");
    }

    private static String unescape(String text) {
        return text.replace("\\r", "\r").replace("\\n", "\n");
    }
}
