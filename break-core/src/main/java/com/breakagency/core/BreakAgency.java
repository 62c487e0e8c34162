package com.breakagency.core;

import com.breakagency.ports.api.Crm;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.Persistence;
import java.time.Clock;
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

        private Persistence persistence;
        private ErrorReporter errorReporter;
        private Clock clock = DEFAULT_CLOCK;
        private IdGenerator ids;

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
         * Validates the configuration and builds the agency.
         *
         * @return the agency
         * @throws IllegalStateException if persistence was not set
         */
        public BreakAgency build() {
            if (persistence == null) {
                throw new IllegalStateException("BreakAgency.builder(): persistence(...) is required");
            }
            return new DefaultBreakAgency(persistence,
                    errorReporter == null ? new Slf4jErrorReporter() : errorReporter, clock,
                    ids == null ? new com.breakagency.core.internal.UuidV7Ids(clock) : ids);
        }
    }
}
