package com.flowroute.numbers.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, from a resource Maven fills in at build time. Not part of the SDK's contract. */
public final class SdkVersion {
    /** The version, such as {@code 0.1.0}; {@code unknown} when the resource is missing. */
    public static final String VERSION = read();

    private SdkVersion() {}

    private static String read() {
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
