package com.breakagency.core;

import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.testkit.InMemoryPersistence;
import java.util.Random;
import java.util.function.UnaryOperator;

/** Break's agency in the testkit's {@link AgencyFixture}: the one place its tests build it. */
public final class TestAgencies {

    private TestAgencies() {
    }

    /** An agency on fresh in-memory stores. */
    public static AgencyFixture<BreakAgency> inMemory() {
        return inMemory(UnaryOperator.identity());
    }

    /** An agency on fresh in-memory stores, with options of its builder set (which may replace the stores). */
    public static AgencyFixture<BreakAgency> inMemory(UnaryOperator<BreakAgencyBuilder> options) {
        return AgencyFixture.inMemory(build(options), TestAgencies::ports);
    }

    /** An agency on the given stores. */
    public static AgencyFixture<BreakAgency> on(Persistence stores) {
        return AgencyFixture.on(stores, build(UnaryOperator.identity()), TestAgencies::ports);
    }

    /** An agency that sees fresh in-memory stores through a wrapper (one that fails on cue); the fixture reads them as they are. */
    public static AgencyFixture<BreakAgency> inMemoryBehind(UnaryOperator<Persistence> seenByAgency) {
        return on(InMemoryPersistence.create(), seenByAgency);
    }

    /** An agency that sees the stores through a wrapper; the fixture reads them as they are. */
    public static AgencyFixture<BreakAgency> on(Persistence stores, UnaryOperator<Persistence> seenByAgency) {
        java.util.function.Function<AgencyFixture.Wiring, BreakAgency> build = build(UnaryOperator.identity());
        return AgencyFixture.on(stores, wiring -> build.apply(wiring.withPersistence(seenByAgency.apply(wiring.persistence()))),
                TestAgencies::ports);
    }

    /** A second agency on the fixture's stores and clock: another instance of the service. */
    public static AgencyFixture<BreakAgency> another(AgencyFixture<BreakAgency> first,
                                                     UnaryOperator<BreakAgencyBuilder> options) {
        return first.another(build(options));
    }

    /**
     * Builds the agency on the wiring, seeded so that retry jitter repeats; the options may replace any of it.
     */
    public static java.util.function.Function<AgencyFixture.Wiring, BreakAgency> build(
            UnaryOperator<BreakAgencyBuilder> options) {
        return wiring -> options.apply(BreakAgency.builder().persistence(wiring.persistence()).clock(wiring.clock())
                .errorReporter(wiring.reporter()).random(new Random(42))).build();
    }

    /** The agency's driving ports. */
    public static AgencyFixture.Ports ports(BreakAgency agency) {
        return new AgencyFixture.Ports(agency.crm(), agency.finance(), agency.recovery(), agency.diagnostics(),
                agency.auditTrail());
    }
}
