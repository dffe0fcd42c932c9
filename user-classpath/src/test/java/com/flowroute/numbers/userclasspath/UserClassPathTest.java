package com.flowroute.numbers.userclasspath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * HTTP/1.1, h2c and HTTP/2 over TLS work on exactly the class path a user of flowroute-blocking
 * gets, with what the SDK excludes from Reactor Netty's dependencies left out.
 */
class UserClassPathTest {
    private static final Path TARGET = Path.of("target");
    private static final String PASSWORD = "user-classpath-test";

    private static List<String> runtimeClassPath() throws IOException {
        return Arrays.asList(Files.readString(TARGET.resolve("runtime.classpath"), StandardCharsets.UTF_8).trim()
                .split(File.pathSeparator));
    }

    @Test
    void theClassPathHasTheSdkOneNettyAndNeitherHttp3NorTheQuicNativesNorCompression() throws IOException {
        List<String> classPath = runtimeClassPath();

        assertTrue(classPath.stream().anyMatch(entry -> entry.contains("flowroute-blocking")), classPath::toString);
        assertTrue(classPath.stream().anyMatch(entry -> entry.contains("reactor-netty-http")), classPath::toString);
        assertTrue(classPath.stream().anyMatch(entry -> entry.contains("netty-codec-http2")), classPath::toString);
        assertFalse(classPath.stream().anyMatch(entry -> entry.contains("native-quic") || entry.contains("http3")
                || entry.contains("netty-codec-compression")), classPath::toString);
        // netty-codec-classes-quic is declared with its own version: it must be the Netty the rest is.
        Set<String> nettyVersions = classPath.stream().map(Path::of).map(Path::getFileName).map(Path::toString)
                .filter(name -> name.startsWith("netty-"))
                .map(name -> name.replaceAll("^.*?-(\\d+\\.\\d+\\.\\d+\\.[A-Za-z0-9]+)(-.+)?\\.jar$", "$1"))
                .collect(Collectors.toSet());
        assertEquals(1, nettyVersions.size(), nettyVersions::toString);
        assertTrue(classPath.stream().anyMatch(entry -> entry.contains("netty-codec-classes-quic")), classPath::toString);
    }

    @Test
    void http11AndHttp2WithAndWithoutTlsWorkOnThatClassPath() throws Exception {
        Path keyStore = TARGET.resolve("user-classpath-test.p12");
        Files.deleteIfExists(keyStore);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "localhost", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD));

        List<String> classPath = new ArrayList<>();
        classPath.add(TARGET.resolve("classes").toString());
        classPath.addAll(runtimeClassPath());
        String output = run(List.of(java, "-cp", String.join(File.pathSeparator, classPath), ProtocolCheck.class.getName(),
                keyStore.toString(), PASSWORD));

        assertTrue(output.contains("HTTP/1.1: 2 numbers, the server saw HTTP/1.1"), output);
        assertTrue(output.contains("h2c: 2 numbers, the server saw HTTP/2.0"), output);
        assertTrue(output.contains("h2 over TLS: 2 numbers, the server saw HTTP/2.0"), output);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "still running: " + command.get(0));
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), text);
        return text;
    }
}
