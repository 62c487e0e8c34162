package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.micrometer.MicrometerTelemetry;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.SecretCipher;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.ports.spi.Telemetry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * A started {@link BreakAgency} from the host's {@link DataSource}: {@link JdbcPersistence} on it (unless the
 * host defines its own {@link Persistence}), every builder option from {@link BreakProperties}, the host's
 * {@link Clock}, {@link ErrorReporter} and {@link Telemetry} beans if it has them (else the host's initialized
 * Sentry when {@code break-adapter-sentry} is on the classpath, and Micrometer meters when there is a
 * {@link MeterRegistry}), integrations when the host defines {@link OAuthProvider} beans (tokens sealed with
 * the {@code break.integrations.keys}, or the host's own {@link SecretCipher} bean), and {@link BreakLifecycle}
 * to start the worker and close the agency with the context. Every bean backs off when the host defines its own.
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
     * @param providers   the host's OAuth providers, if any: they turn integrations on
     * @param ciphers     the host's own secret cipher, if any, in place of {@code break.integrations.keys}
     * @param stores      the host's own integration stores, if any (else the persistence's)
     * @return the agency, not yet started
     */
    @Bean
    @ConditionalOnMissingBean(BreakAgency.class)
    @ConditionalOnBean(Persistence.class)
    public BreakAgency breakAgency(Persistence persistence, BreakProperties properties, ObjectProvider<Clock> clocks,
                                   ObjectProvider<ErrorReporter> reporters, ObjectProvider<Telemetry> telemetries,
                                   ObjectProvider<MeterRegistry> registries, ObjectProvider<OAuthProvider> providers,
                                   ObjectProvider<SecretCipher> ciphers, ObjectProvider<IntegrationStores> stores) {
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
        BreakIntegrations.wire(builder, persistence, properties.getIntegrations(), providers.orderedStream().toList(),
                ciphers.getIfUnique(), stores.getIfUnique());
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

    /**
     * With Actuator's endpoints: {@code break.integrations.keys.*} shows as masked in {@code /actuator/env} and
     * {@code /actuator/configprops} even where the host shows values ({@code management.endpoint.env.show-values}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    public static class SecretKeysMasking {

        /** Created by Spring. */
        public SecretKeysMasking() {
        }

        /**
         * Masks every value under {@code break.integrations.keys}.
         *
         * @return the sanitizing function
         */
        @Bean
        public SanitizingFunction breakSecretKeysSanitizer() {
            return SanitizingFunction.sanitizeValue().ifMatches(SecretKeysMasking::isSecretKey);
        }

        /** Whether an endpoint's entry is one of the secret keys, in any form a property's name takes. */
        static boolean isSecretKey(SanitizableData data) {
            String key = data.getLowerCaseKey().replace('_', '.');
            return key.startsWith("break.integrations.keys") || key.startsWith("integrations.keys");
        }
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
