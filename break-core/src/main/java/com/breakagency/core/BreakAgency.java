package com.breakagency.core;

import com.breakagency.core.finance.FinanceService;
import com.breakagency.core.finance.PendingCommissionsPolicy;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.Finance;
import com.breakagency.ports.api.Recovery;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;
import java.util.Objects;

/**
 * The composition root: the one object a host builds and keeps. It hands out the driving ports, and
 * owns the validator and any threads Break starts; {@link #close()} releases them.
 *
 * <pre>{@code
 * try (BreakAgency agency = BreakAgency.builder()
 *         .persistence(persistence)           // InMemoryPersistence, JdbcPersistence, or your own
 *         .build()) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Every driving-port call passes Break's boundary: validation, authorization, a unit of work, error
 * mapping, one log line and (for reportable codes) one report. An agency is thread-safe; build one per
 * database and share it.
 */
public interface BreakAgency extends AutoCloseable {

    /**
     * Starts a builder.
     *
     * @return a builder with the documented defaults
     */
    static Builder builder() {
        return new Builder();
    }

    /**
     * The CRM: brands, contacts, talent, deals, timelines.
     *
     * @return the CRM driving port
     */
    Crm crm();

    /**
     * Finance: invoices, payments, commissions.
     *
     * @return the finance driving port
     */
    Finance finance();

    /**
     * Repairs of broken workflows (ADMIN, SYSTEM).
     *
     * @return the recovery driving port
     */
    Recovery recovery();

    /**
     * Releases the validator, closes the error reporter and stops Break's threads. Idempotent.
     */
    @Override
    void close();

    /**
     * Configures a {@link BreakAgency}. Not thread-safe; {@link #build()} hands the agency a copy of the
     * configuration, so a builder may be reused.
     */
    final class Builder {

        /** The default clock: {@link Clock#systemUTC()}. */
        public static final Clock DEFAULT_CLOCK = Clock.systemUTC();
        /** How long idempotency keys are kept at least, by default: 24 hours. */
        public static final Duration DEFAULT_IDEMPOTENCY_RETENTION = Duration.ofHours(24);
        /** The payment terms of an invoice issued without a due date, by default: 30 days. */
        public static final Period DEFAULT_PAYMENT_TERMS = Period.ofDays(30);
        /** What happens to a payment whose commissions cannot be computed, by default: record and repair. */
        public static final PendingCommissionsPolicy DEFAULT_PENDING_COMMISSIONS = PendingCommissionsPolicy.RECORD_AND_REPAIR;

        private Persistence persistence;
        private ErrorReporter errorReporter;
        private Clock clock = DEFAULT_CLOCK;
        private IdGenerator ids;
        private Duration idempotencyRetention = DEFAULT_IDEMPOTENCY_RETENTION;
        private Period paymentTerms = DEFAULT_PAYMENT_TERMS;
        private PendingCommissionsPolicy pendingCommissions = DEFAULT_PENDING_COMMISSIONS;

        Builder() {
        }

        /**
         * The storage every port uses. Required; there is no default, so a host never loses data to a
         * store it did not choose.
         *
         * @param value the persistence bundle
         * @return this builder
         */
        public Builder persistence(Persistence value) {
            this.persistence = Objects.requireNonNull(value, "persistence");
            return this;
        }

        /**
         * Where reportable errors go. Defaults to a {@link Slf4jErrorReporter}, one WARN line per report;
         * pass {@link ErrorReporter#NOOP} to drop them. The agency closes it in {@link BreakAgency#close()}.
         *
         * @param value the reporter
         * @return this builder
         */
        public Builder errorReporter(ErrorReporter value) {
            this.errorReporter = Objects.requireNonNull(value, "errorReporter");
            return this;
        }

        /**
         * The clock every timestamp comes from. Defaults to {@link #DEFAULT_CLOCK}.
         *
         * @param value the clock
         * @return this builder
         */
        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        /**
         * Makes the ids of new records. Defaults to UUID version 7 strings stamped from {@link #clock(Clock)},
         * which sort in creation order.
         *
         * @param value the generator
         * @return this builder
         */
        public Builder ids(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        /**
         * How long an idempotency key is remembered at least: a retry within it replays the first result.
         * Defaults to {@link #DEFAULT_IDEMPOTENCY_RETENTION}.
         *
         * @param value at least one hour
         * @return this builder
         */
        public Builder idempotencyRetention(Duration value) {
            this.idempotencyRetention = Objects.requireNonNull(value, "idempotencyRetention");
            return this;
        }

        /**
         * The due date of an invoice issued without one: this long after the issue day. Defaults to
         * {@link #DEFAULT_PAYMENT_TERMS}.
         *
         * @param value zero or more days
         * @return this builder
         */
        public Builder paymentTerms(Period value) {
            this.paymentTerms = Objects.requireNonNull(value, "paymentTerms");
            return this;
        }

        /**
         * What happens to a payment whose commissions cannot be computed (for example the talent has no
         * managing agent). Defaults to {@link #DEFAULT_PENDING_COMMISSIONS}: the payment is recorded, the
         * commissions are PENDING, a repair step is queued and one WORKFLOW_BREAK is reported.
         *
         * @param value the policy
         * @return this builder
         */
        public Builder pendingCommissions(PendingCommissionsPolicy value) {
            this.pendingCommissions = Objects.requireNonNull(value, "pendingCommissions");
            return this;
        }

        /**
         * Validates the configuration and builds the agency.
         *
         * @return the agency
         * @throws IllegalStateException if persistence was not set, the idempotency retention is under an
         *                               hour or the payment terms are negative
         */
        public BreakAgency build() {
            if (persistence == null) {
                throw new IllegalStateException("BreakAgency.builder(): persistence(...) is required");
            }
            if (idempotencyRetention.compareTo(Duration.ofHours(1)) < 0) {
                throw new IllegalStateException("BreakAgency.builder(): idempotencyRetention must be at least one hour");
            }
            if (paymentTerms.isNegative()) {
                throw new IllegalStateException("BreakAgency.builder(): paymentTerms must not be negative");
            }
            return new DefaultBreakAgency(persistence,
                    errorReporter == null ? new Slf4jErrorReporter() : errorReporter, clock,
                    ids == null ? new com.breakagency.core.internal.UuidV7Ids(clock) : ids,
                    new FinanceService.Settings(idempotencyRetention, paymentTerms, pendingCommissions));
        }
    }
}
