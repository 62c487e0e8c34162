package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.micrometer.MicrometerTelemetry;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * A started {@link BreakAgency} from the host's {@link DataSource}: {@link JdbcPersistence} on it (unless the
 * host defines its own {@link Persistence}), every builder option from {@link BreakProperties}, the host's
 * {@link Clock}, {@link ErrorReporter} and {@link Telemetry} beans if it has them (else the host's initialized
 * Sentry when {@code break-adapter-sentry} is on the classpath, and Micrometer meters when there is a
 * {@link MeterRegistry}), and {@link BreakLifecycle} to start the worker and close the agency with the context.
 * Every bean backs off when the host defines its own.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@EnableConfigurationProperties(BreakProperties.class)
public class BreakAutoConfiguration {

    private static final String SENTRY_REPORTER = "com.breakagency.adapter.sentry.SentryErrorReporter";

    /** Created by Spring. */
    public BreakAutoConfiguration() {
    }

    /**
     * Break's stores on the host's DataSource, migrated on start unless {@code break.jdbc.migrate-on-start=false}.
     *
     * @param dataSource the host's DataSource
     * @param properties {@code break.jdbc.*}
     * @return the persistence
     */
    @Bean
    @ConditionalOnMissingBean(Persistence.class)
    @ConditionalOnBean(DataSource.class)
    public JdbcPersistence breakPersistence(DataSource dataSource, BreakProperties properties) {
        BreakProperties.Jdbc jdbc = properties.getJdbc();
        JdbcPersistence.Builder builder = JdbcPersistence.builder(dataSource).schema(jdbc.getSchema())
                .migrateOnStart(jdbc.isMigrateOnStart()).serializationRetries(jdbc.getSerializationRetries());
        if (jdbc.getDialect() != null) {
            builder.dialect(jdbc.getDialect());
        }
        return builder.build();
    }

    /**
     * The agency. It is closed by {@link BreakLifecycle} during the context's shutdown, and by the context as a
     * last resort ({@code close()} is idempotent).
     *
     * @param persistence the stores
     * @param properties  the options
     * @param clocks      the host's clock, if any
     * @param reporters   the host's error reporter, if any
     * @param telemetries the host's telemetry, if any
     * @param registries  the host's meter registry, if any
     * @return the agency, not yet started
     */
    @Bean
    @ConditionalOnMissingBean(BreakAgency.class)
    @ConditionalOnBean(Persistence.class)
    public BreakAgency breakAgency(Persistence persistence, BreakProperties properties, ObjectProvider<Clock> clocks,
                                   ObjectProvider<ErrorReporter> reporters, ObjectProvider<Telemetry> telemetries,
                                   ObjectProvider<MeterRegistry> registries) {
        BreakAgencyBuilder builder = BreakAgency.builder().persistence(persistence)
                .clientErrorLogLevel(properties.getClientErrorLogLevel())
                .workerThreads(properties.getWorker().getThreads())
                .pollInterval(properties.getWorker().getPollInterval())
                .lease(properties.getWorker().getLease())
                .shutdownTimeout(properties.getWorker().getShutdownTimeout())
                .backoff(properties.getBackoff().toBackoff())
                .janitorInterval(properties.getJanitor().getInterval())
                .janitorGracePeriod(properties.getJanitor().getGracePeriod())
                .idempotencyRetention(properties.getFinance().getIdempotencyRetention())
                .paymentTerms(properties.getFinance().getPaymentTerms())
                .pendingCommissions(properties.getFinance().getPendingCommissions());
        if (properties.getWorker().getId() != null) {
            builder.workerId(properties.getWorker().getId());
        }
        Clock clock = clocks.getIfUnique();
        if (clock != null) {
            builder.clock(clock);
        }
        ErrorReporter reporter = reporters.getIfUnique();
        if (reporter == null && ClassUtils.isPresent(SENTRY_REPORTER, getClass().getClassLoader())) {
            reporter = HostSentry.reporterIfInitialized();
        }
        if (reporter != null) {
            builder.errorReporter(reporter);
        }
        Telemetry telemetry = telemetries.getIfUnique();
        if (telemetry == null && properties.getMetrics().isEnabled()) {
            MeterRegistry registry = registries.getIfUnique();
            if (registry != null) {
                telemetry = MicrometerTelemetry.create(registry, properties.getMetrics().getQueueRefresh());
            }
        }
        if (telemetry != null) {
            builder.telemetry(telemetry);
        }
        return builder.build();
    }

    /**
     * Starts the worker after the context is refreshed (unless {@code break.worker.enabled=false}) and closes
     * the agency on shutdown.
     *
     * @param agency     the agency
     * @param properties {@code break.worker.enabled}
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean(BreakLifecycle.class)
    @ConditionalOnBean(BreakAgency.class)
    public BreakLifecycle breakLifecycle(BreakAgency agency, BreakProperties properties) {
        return new BreakLifecycle(agency, properties.getWorker().isEnabled());
    }

    /** The host's Sentry, when {@code break-adapter-sentry} is present: loaded only then. */
    static final class HostSentry {

        private HostSentry() {
        }

        static ErrorReporter reporterIfInitialized() {
            return io.sentry.Sentry.isEnabled()
                    ? com.breakagency.adapter.sentry.SentryErrorReporter.usingHostSentry() : null;
        }
    }
}
