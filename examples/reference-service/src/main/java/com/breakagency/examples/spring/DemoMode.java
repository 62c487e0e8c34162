package com.breakagency.examples.spring;

import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.Backoff;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.BreakAgencyBuilder;
import com.breakagency.micrometer.MicrometerTelemetry;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.spring.boot.BreakProperties;
import com.breakagency.spring.boot.web.ActorResolver;
import com.breakagency.testkit.oauth.FakeGoogle;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * The demo mode ({@code reference.demo.enabled=true}, the default): a fake Google OAuth server on loopback from
 * the testkit, so Gmail connections work without a Google account, and the agency built here with
 * integrations on the JDBC stores, its tokens sealed with a key made at start-up. Every {@code break.*} worker,
 * janitor, backoff and finance property still applies. Tokens are sealed with a key made at start-up, so a
 * demo's connections last as long as the process; the seeded data is {@link DemoSeed}'s.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "reference.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoMode {

    /** The fake's access tokens live six minutes; Break refreshes five minutes ahead, so a token lasts a minute. */
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(6);

    /**
     * The demo's roles, ahead of the host's resolver (which makes every signed-in user an agent): {@code X-User}
     * with {@code X-Role}, or the sign-in cookie of {@link DemoActors}.
     *
     * @return the resolver
     */
    @Bean
    @Primary
    ActorResolver demoActors() {
        return DemoActors::resolve;
    }

    @Bean(destroyMethod = "close")
    FakeGoogle fakeGoogle() {
        FakeGoogle google = FakeGoogle.start();
        google.accessTokenLifetime(ACCESS_TOKEN_LIFETIME);
        return google;
    }

    @Bean
    BreakAgency breakAgency(JdbcPersistence persistence, BreakProperties properties, FakeGoogle google,
                            ObjectProvider<ErrorReporter> reporters, ObjectProvider<MeterRegistry> registries) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        BreakAgencyBuilder builder = BreakAgency.builder().persistence(persistence)
                .integrations(persistence)
                .oauthProvider(google.oauthProvider())
                .secretKeys("demo", Map.of("demo", key))
                .clientErrorLogLevel(properties.getClientErrorLogLevel())
                .workerThreads(properties.getWorker().getThreads())
                .pollInterval(properties.getWorker().getPollInterval())
                .lease(properties.getWorker().getLease())
                .shutdownTimeout(properties.getWorker().getShutdownTimeout())
                .backoff(new Backoff(properties.getBackoff().getBase(), properties.getBackoff().getCap(),
                        properties.getBackoff().getMaxAttempts(), properties.getBackoff().getJitter()))
                .janitorInterval(properties.getJanitor().getInterval())
                .janitorGracePeriod(properties.getJanitor().getGracePeriod())
                .idempotencyRetention(properties.getFinance().getIdempotencyRetention())
                .paymentTerms(properties.getFinance().getPaymentTerms())
                .pendingCommissions(properties.getFinance().getPendingCommissions());
        ErrorReporter reporter = reporters.getIfUnique();
        if (reporter != null) {
            builder.errorReporter(reporter);   // with the console on: its recent-errors ring, then the log
        }
        MeterRegistry registry = registries.getIfUnique();
        if (registry != null && properties.getMetrics().isEnabled()) {
            builder.telemetry(MicrometerTelemetry.create(registry, properties.getMetrics().getQueueRefresh()));
        }
        return builder.build();
    }
}
