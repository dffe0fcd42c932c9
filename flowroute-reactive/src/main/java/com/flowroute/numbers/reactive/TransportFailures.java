package com.flowroute.numbers.reactive;

import com.flowroute.numbers.internal.Urls;
import io.netty.channel.ConnectTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import reactor.netty.http.client.PrematureCloseException;

/**
 * Maps what Reactor Netty and the JDK throw when an exchange fails to the contract's
 * {@link com.flowroute.numbers.FlowrouteTransportException}, in the one message format of every
 * failure ({@code METHOD path?query: what happened}), remembering whether the request may have
 * reached the server. Non-2xx answers are mapped by {@code ErrorMapper} in core.
 */
final class TransportFailures {
    private TransportFailures() {}

    static AttemptFailure of(Throwable error, String call, boolean sent, ClientSettings settings) {
        String origin = Urls.origin(settings.origin);
        String what;
        if (error instanceof TimeoutException) {
            what = "response timeout of " + settings.responseTimeout.toMillis() + " ms elapsed"
                    + (sent ? " waiting for the answer" : " before the request was sent");
        } else if (error instanceof ConnectTimeoutException) {
            what = "connect timeout of " + settings.connectTimeout.toMillis() + " ms elapsed connecting to " + origin;
        } else if (error instanceof ConnectException || error.getCause() instanceof ConnectException) {
            what = "could not connect to " + origin + " (" + error.getMessage() + ")";
        } else if (error instanceof PrematureCloseException) {
            what = "the connection closed before the response was complete";
        } else if (error instanceof SSLException) {
            what = "the TLS handshake with " + origin + " failed (" + error.getMessage() + ")";
        } else if (error instanceof IOException) {
            // Such as Netty's native "recvAddress(..) failed with error(-104): Connection reset by peer".
            what = "the connection failed (" + error.getMessage() + ")";
        } else {
            what = "the exchange failed: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : " (" + error.getMessage() + ")");
        }
        return new AttemptFailure(call + ": " + what, error, sent);
    }
}
