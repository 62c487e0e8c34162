package com.breakagency.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.breakagency.ports.error.Severity;
import com.breakagency.testkit.InMemoryPersistence;
import java.time.Duration;
import java.time.Period;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every bad value a host can give {@code BreakAgency.builder()} is refused as its javadoc says: a null
 * with a {@link NullPointerException} naming the parameter at once, a value out of range by
 * {@code build()} with an {@link IllegalStateException} naming the setting. No value is accepted that
 * would fail later with an {@code ArithmeticException} or {@code DateTimeException} (a lease of
 * a billion days, payment terms of a million years).
 */
class BuilderRejectsBadValuesTest {

    private record Case(String setting, UnaryOperator<BreakAgencyBuilder> set) {
    }

    private static BreakAgencyBuilder builder() {
        return BreakAgency.builder().persistence(InMemoryPersistence.create());
    }

    @TestFactory
    Stream<DynamicTest> a_null_is_refused_at_once_naming_the_parameter() {
        return Stream.of(
                new Case("persistence", b -> b.persistence(null)),
                new Case("errorReporter", b -> b.errorReporter(null)),
                new Case("clock", b -> b.clock(null)),
                new Case("ids", b -> b.ids(null)),
                new Case("idempotencyRetention", b -> b.idempotencyRetention(null)),
                new Case("paymentTerms", b -> b.paymentTerms(null)),
                new Case("pendingCommissions", b -> b.pendingCommissions(null)),
                new Case("pollInterval", b -> b.pollInterval(null)),
                new Case("lease", b -> b.lease(null)),
                new Case("backoff", b -> b.backoff(null)),
                new Case("random", b -> b.random(null)),
                new Case("janitorInterval", b -> b.janitorInterval(null)),
                new Case("janitorGracePeriod", b -> b.janitorGracePeriod(null)),
                new Case("shutdownTimeout", b -> b.shutdownTimeout(null)),
                new Case("clientErrorLogLevel", b -> b.clientErrorLogLevel(null)),
                new Case("workerId", b -> b.workerId(null))
        ).map(c -> dynamicTest(c.setting(), () -> {
            NullPointerException refused = assertThrows(NullPointerException.class, () -> c.set().apply(builder()));
            assertEquals(c.setting(), refused.getMessage());
        }));
    }

    @TestFactory
    Stream<DynamicTest> a_value_out_of_range_is_refused_by_build_naming_the_setting() {
        Duration aBillionDays = Duration.ofDays(1_000_000_000L);
        return Stream.of(
                new Case("idempotencyRetention", b -> b.idempotencyRetention(Duration.ofMinutes(59))),
                new Case("idempotencyRetention", b -> b.idempotencyRetention(aBillionDays)),
                new Case("paymentTerms", b -> b.paymentTerms(Period.ofDays(-1))),
                new Case("paymentTerms", b -> b.paymentTerms(Period.of(30, -1, 0))),
                new Case("paymentTerms", b -> b.paymentTerms(Period.ofYears(1_000_000))),
                new Case("paymentTerms", b -> b.paymentTerms(Period.ofDays(Integer.MAX_VALUE))),
                new Case("workerThreads", b -> b.workerThreads(0)),
                new Case("workerThreads", b -> b.workerThreads(65)),
                new Case("pollInterval", b -> b.pollInterval(Duration.ofMillis(9))),
                new Case("pollInterval", b -> b.pollInterval(aBillionDays)),
                new Case("lease", b -> b.lease(Duration.ofMillis(999))),
                new Case("lease", b -> b.lease(aBillionDays)),
                new Case("janitorInterval", b -> b.janitorInterval(Duration.ZERO)),
                new Case("janitorInterval", b -> b.janitorInterval(Duration.ofDays(366))),
                new Case("janitorGracePeriod", b -> b.janitorGracePeriod(Duration.ofNanos(-1))),
                new Case("janitorGracePeriod", b -> b.janitorGracePeriod(aBillionDays)),
                new Case("shutdownTimeout", b -> b.shutdownTimeout(Duration.ofSeconds(-1))),
                new Case("shutdownTimeout", b -> b.shutdownTimeout(Duration.ofSeconds(Long.MAX_VALUE))),
                new Case("clientErrorLogLevel", b -> b.clientErrorLogLevel(Severity.ERROR)),
                new Case("workerId", b -> b.workerId("node 1")),
                new Case("workerId", b -> b.workerId("")),
                new Case("workerId", b -> b.workerId("w".repeat(65)))
        ).map(c -> dynamicTest(c.setting(), () -> {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> c.set().apply(builder()).build());
            assertTrue(refused.getMessage().startsWith("BreakAgency.builder(): " + c.setting() + " must "),
                    refused::getMessage);
        }));
    }

    @TestFactory
    Stream<DynamicTest> the_limits_themselves_are_accepted() {
        return Stream.of(
                new Case("idempotencyRetention", b -> b.idempotencyRetention(Duration.ofDays(3650))),
                new Case("paymentTerms", b -> b.paymentTerms(Period.ofYears(10))),
                new Case("lease", b -> b.lease(BreakAgencyBuilder.MAX_DURATION)),
                new Case("pollInterval", b -> b.pollInterval(Duration.ofMillis(10))),
                new Case("shutdownTimeout", b -> b.shutdownTimeout(Duration.ZERO))
        ).map(c -> dynamicTest(c.setting(), () -> {
            try (BreakAgency agency = c.set().apply(builder()).build()) {
                assertTrue(agency.diagnostics() != null);
            }
        }));
    }
}
