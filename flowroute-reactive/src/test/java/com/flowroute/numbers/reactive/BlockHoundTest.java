package com.flowroute.numbers.reactive;

import com.flowroute.numbers.testing.MockFlowrouteExtension;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * BlockHound is installed for every test of this module (blockhound-junit-platform), so any
 * blocking call the client makes on a Reactor or Netty thread fails the test that made it.
 */
class BlockHoundTest {
    @RegisterExtension
    static final MockFlowrouteExtension flowroute = MockFlowrouteExtension.create();

    @Test
    void blockingOnAParallelThreadIsDetected() {
        StepVerifier.create(Mono.fromCallable(() -> {
                    Thread.sleep(10);
                    return "slept";
                }).subscribeOn(Schedulers.parallel()))
                .expectErrorSatisfies(error -> assertInstanceOf(BlockingOperationError.class, error))
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void blockingOnTheClientsEventLoopIsDetected() {
        flowroute.server().stubFor(get(anyUrl()).willReturn(okJson(SeedExamples.NUMBER_DETAILS)));

        StepVerifier.create(flowroute.client().numbers().details("12066417744").map(details -> {
                    assertTrue(Thread.currentThread().getName().startsWith("reactor-http-"), Thread.currentThread().getName());
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        throw Exceptions.propagate(e);
                    }
                    return details;
                }))
                .expectErrorSatisfies(error -> assertInstanceOf(BlockingOperationError.class, error))
                .verify(Duration.ofSeconds(10));
    }
}
