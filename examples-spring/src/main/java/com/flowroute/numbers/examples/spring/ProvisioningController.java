package com.flowroute.numbers.examples.spring;

import com.flowroute.numbers.AccountNumber;
import com.flowroute.numbers.AvailableNumber;
import com.flowroute.numbers.BadRequestException;
import com.flowroute.numbers.BillingMethod;
import com.flowroute.numbers.FlowrouteApiException;
import com.flowroute.numbers.NotFoundException;
import com.flowroute.numbers.NumberSearch;
import com.flowroute.numbers.reactive.ReactiveFlowrouteClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The provisioning endpoints, over the auto-configured {@link ReactiveFlowrouteClient}. */
@RestController
@RequestMapping("/numbers")
class ProvisioningController {
    private final ReactiveFlowrouteClient flowroute;

    ProvisioningController(ReactiveFlowrouteClient flowroute) {
        this.flowroute = flowroute;
    }

    /** What a provisioning answers. */
    record Provisioned(String number, String rateCenter, String state, String primary, String failover) {}

    /** One line of the account stream. */
    record NumberLine(String number, String billingMethod, String primary, String failover) {
        static NumberLine of(AccountNumber number) {
            return new NumberLine(number.number().toString(), number.billingMethod().map(BillingMethod::value).orElse(null),
                    number.primaryRoute().name(), number.failoverRoute().name());
        }
    }

    /** An error answer. */
    record Problem(String error) {}

    /**
     * Searches the area code, buys the first number for sale and assigns it the two routes:
     * 201 with the number; 400 for a missing parameter, a bad area code or an unknown route;
     * 502 when Flowroute fails otherwise.
     */
    @PostMapping
    Mono<ResponseEntity<Object>> provision(@RequestParam(name = "areaCode", required = false) String areaCode,
            @RequestParam(name = "primary", required = false) String primary, @RequestParam(name = "failover", required = false) String failover) {
        if (!StringUtils.hasText(areaCode) || !StringUtils.hasText(primary) || !StringUtils.hasText(failover)) {
            return Mono.just(problem(HttpStatus.BAD_REQUEST, "areaCode, primary and failover are required"));
        }
        return Mono.defer(() -> flowroute.availableNumbers()
                        .search(NumberSearch.builder().npa(areaCode).pageSize(1).build())
                        .next())
                .switchIfEmpty(Mono.error(() -> new IllegalArgumentException("no number for sale in area code " + areaCode)))
                .flatMap(found -> flowroute.numbers().purchase(found.number())
                        .then(flowroute.numbers().updateRoutes(found.number(), primary, failover))
                        .thenReturn(ResponseEntity.status(HttpStatus.CREATED).<Object>body(provisioned(found, primary, failover))))
                .onErrorResume(IllegalArgumentException.class, e -> Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage())))
                .onErrorResume(BadRequestException.class, e -> Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage())))
                // Flowroute answers an unknown route name with a 404: the caller named it.
                .onErrorResume(NotFoundException.class, e -> Mono.just(problem(HttpStatus.BAD_REQUEST, e.getMessage())))
                .onErrorResume(FlowrouteApiException.class, e -> Mono.just(problem(HttpStatus.BAD_GATEWAY, e.getMessage())));
    }

    /**
     * The account's numbers as NDJSON, one line per number, straight from a {@code PagedFlux}: a
     * page is fetched only when the previous one has been written.
     */
    @GetMapping(produces = MediaType.APPLICATION_NDJSON_VALUE)
    Flux<NumberLine> numbers() {
        return flowroute.numbers().list().map(NumberLine::of);
    }

    private static Provisioned provisioned(AvailableNumber found, String primary, String failover) {
        return new Provisioned(found.number().toString(), found.rateCenter(), found.state(), primary, failover);
    }

    private static ResponseEntity<Object> problem(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new Problem(message));
    }
}
