package com.breakagency.adapter.jdbc;

import com.breakagency.core.BreakAgency;
import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.AgencyFixture;
import java.util.function.UnaryOperator;

/** Break's agency in the testkit's {@link AgencyFixture}, on the adapter's stores: the one place these tests build it. */
final class JdbcAgencies {

    private JdbcAgencies() {
    }

    /** An agency on the stores, with the fixture's clock and reporter. */
    static AgencyFixture<BreakAgency> on(Persistence stores) {
        return on(stores, UnaryOperator.identity());
    }

    /** An agency on the stores, with options of its builder set (which may replace the clock or the reporter). */
    static AgencyFixture<BreakAgency> on(Persistence stores, UnaryOperator<BreakAgencyBuilder> options) {
        return AgencyFixture.on(stores, wiring -> options.apply(BreakAgency.builder().persistence(wiring.persistence())
                .clock(wiring.clock()).errorReporter(wiring.reporter())).build(), JdbcAgencies::ports);
    }

    private static AgencyFixture.Ports ports(BreakAgency agency) {
        return new AgencyFixture.Ports(agency.crm(), agency.finance(), agency.recovery(), agency.diagnostics(),
                agency.auditTrail());
    }
}
