package com.breakagency.core.finance;

import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.StatementQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.finance.BeneficiaryKind;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.testkit.TestClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FinanceEdgesTest {

    @Test
    void an_invoice_of_zero_cannot_be_issued_and_takes_no_number() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            Invoice draft = world.aDraftInvoice(0, "GBP");
            BreakException e = assertThrows(BreakException.class, () -> world.agency().finance()
                    .issueInvoice(AgencyFixture.aFinanceUser(), IssueInvoice.of(draft)));
            assertEquals(ErrorCode.CONFLICT, e.code());
            assertEquals("NOTHING_TO_INVOICE", e.reason());
            assertEquals(1L, world.anIssuedInvoice(100, "GBP").number().orElseThrow(), "no number was used up");
        }
    }

    @Test
    void a_period_that_ends_before_it_starts_is_a_validation_error() {
        try (AgencyFixture<BreakAgency> world = TestAgencies.inMemory()) {
            BreakException totals = assertThrows(BreakException.class, () -> world.agency().finance().totals(
                    AgencyFixture.aFinanceUser(), new TotalsQuery(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1))));
            assertEquals(ErrorCode.VALIDATION_FAILED, totals.code());
            assertEquals("#/receivedTo", totals.fieldErrors().get(0).pointer());
            BreakException statement = assertThrows(BreakException.class, () -> world.agency().finance().statement(
                    AgencyFixture.aFinanceUser(), new StatementQuery(BeneficiaryKind.AGENT, "agent-manager",
                            Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z"))));
            assertEquals("#/to", statement.fieldErrors().get(0).pointer());
        }
    }

    @Test
    void today_is_the_day_in_the_zone_of_the_agency_clock() {
        // 23:30 UTC on 5 January is already 6 January in Auckland
        TestClock auckland = new TestClock(Instant.parse("2026-01-05T23:30:00Z"), ZoneId.of("Pacific/Auckland"));
        try (AgencyFixture<BreakAgency> seed = TestAgencies.inMemory();
             BreakAgency agency = BreakAgency.builder().persistence(seed.stores()).clock(auckland)
                     .errorReporter(seed.reports()).build()) {
            Invoice draft = seed.aDraftInvoice(100, "GBP");
            Invoice issued = agency.finance().issueInvoice(AgencyFixture.aFinanceUser(),
                    IssueInvoice.of(draft));
            assertEquals(LocalDate.of(2026, 2, 5), issued.dueDate().orElseThrow(), "30 days after 6 January");
        }
    }
}
