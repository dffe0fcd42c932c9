package com.flowroute.numbers.reactive;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import java.util.IdentityHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.netty.NettyPipeline;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;

/**
 * Keeps the {@code Authorization} header out of Reactor Netty's wiretap, which a caller may have
 * turned on in the {@code HttpClient} given to the builder and which logs the raw bytes of every
 * request. Over HTTP/1.1 the wiretap stays and sees each request with the credentials of its
 * {@code Authorization} value masked, while the original bytes go on to the server. Over HTTP/2
 * the wiretap also installs a frame logger that prints headers after HPACK decoding, out of reach
 * of any byte masking: there the wiretap is turned off, with a warning.
 */
final class WiretapRedaction {
    private static final Logger LOG = LoggerFactory.getLogger(ReactiveFlowrouteClient.class);
    private static final String MASK = "flowroute.maskAuthorization";
    private static final String UNMASK = "flowroute.unmaskAuthorization";
    private static final byte[] HEADER = "\nauthorization:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private WiretapRedaction() {}

    /** {@code client} as given when it has no wiretap; otherwise one whose wiretap cannot show credentials. */
    static HttpClient apply(HttpClient client) {
        if (client.configuration().loggingHandler() == null) {
            return client;
        }
        for (HttpProtocol protocol : client.configuration().protocols()) {
            if (protocol != HttpProtocol.HTTP11) {
                // Once per client built: rare, and the caller asked for a wiretap they will not get.
                LOG.warn("Reactor Netty's wiretap is turned off for this Flowroute client: with {} it would log the"
                        + " Authorization header, which carries the request signature", protocol);
                return client.wiretap(false);
            }
        }
        return client.doOnChannelInit((observer, channel, address) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.LoggingHandler) != null && pipeline.get(MASK) == null) {
                // Outbound bytes pass MASK, then the wiretap, then UNMASK on their way to the socket.
                Map<ByteBuf, ByteBuf> originals = new IdentityHashMap<>();
                pipeline.addAfter(NettyPipeline.LoggingHandler, MASK, new Mask(originals));
                pipeline.addBefore(NettyPipeline.LoggingHandler, UNMASK, new Unmask(originals));
            }
        });
    }

    /** Replaces a request head holding an Authorization header with a copy whose credentials are masked. */
    private static final class Mask extends ChannelOutboundHandlerAdapter {
        // Only touched on the channel's event loop, by this handler and its Unmask.
        private final Map<ByteBuf, ByteBuf> originals;

        Mask(Map<ByteBuf, ByteBuf> originals) {
            this.originals = originals;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            if (msg instanceof ByteBuf) {
                ByteBuf original = (ByteBuf) msg;
                ByteBuf masked = masked(original);
                if (masked != null) {
                    originals.put(masked, original);
                    ctx.write(masked, promise);
                    return;
                }
            }
            ctx.write(msg, promise);
        }
    }

    /** Swaps the masked copy back for the original bytes, after the wiretap has logged the copy. */
    private static final class Unmask extends ChannelOutboundHandlerAdapter {
        private final Map<ByteBuf, ByteBuf> originals;

        Unmask(Map<ByteBuf, ByteBuf> originals) {
            this.originals = originals;
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf original = msg instanceof ByteBuf ? originals.remove(msg) : null;
            if (original != null) {
                ((ByteBuf) msg).release();
                ctx.write(original, promise);
                return;
            }
            ctx.write(msg, promise);
        }

        @Override
        public void handlerRemoved(ChannelHandlerContext ctx) {
            originals.keySet().forEach(ByteBuf::release);
            originals.values().forEach(ByteBuf::release);
            originals.clear();
        }
    }

    /** A copy of {@code buf} with each Authorization value after its scheme masked, or null when it has none. */
    static ByteBuf masked(ByteBuf buf) {
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        ByteBuf copy = null;
        for (int i = start; i + HEADER.length <= end; i++) {
            if (!headerAt(buf, i)) {
                continue;
            }
            int value = i + HEADER.length;
            while (value < end && buf.getByte(value) == ' ') {
                value++;
            }
            int scheme = value;
            while (scheme < end && buf.getByte(scheme) != ' ' && buf.getByte(scheme) != '\r') {
                scheme++;
            }
            int credentials = scheme < end && buf.getByte(scheme) == ' ' ? scheme + 1 : value;
            if (copy == null) {
                copy = buf.copy();
            }
            for (int j = credentials; j < end && buf.getByte(j) != '\r' && buf.getByte(j) != '\n'; j++) {
                copy.setByte(j - start, '*');
            }
        }
        return copy;
    }

    private static boolean headerAt(ByteBuf buf, int index) {
        for (int k = 0; k < HEADER.length; k++) {
            byte b = buf.getByte(index + k);
            if (b >= 'A' && b <= 'Z') {
                b = (byte) (b + ('a' - 'A'));
            }
            if (b != HEADER[k]) {
                return false;
            }
        }
        return true;
    }
}
