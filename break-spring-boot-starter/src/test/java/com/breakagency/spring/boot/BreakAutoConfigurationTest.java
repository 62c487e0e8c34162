package com.breakagency.spring.boot;

import com.breakagency.core.BreakAgencyBuilder;
import static org.assertj.core.api.Assertions.assertThat;

import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.Backoff;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.spring.boot.health.BreakHealthAutoConfiguration;
import com.breakagency.spring.boot.health.BreakHealthIndicator;
import com.breakagency.testkit.InMemoryPersistence;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The auto-configuration on real contexts: an agency with a DataSource and none without, the host's own beans
 * win, properties bind (defaults equal to the builders' constants), bad values fail the start naming the
 * property, the worker starts and stops with the context, and the health contributor reports a real agency's
 * DEGRADED and DOWN.
 */
class BreakAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BreakAutoConfiguration.class,
                    BreakHealthAutoConfiguration.class));

    private ApplicationContextRunner onH2() {
        return runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "break.worker.enabled=false");
    }

    @Test
    void a_datasource_gives_a_jdbc_agency_and_no_datasource_gives_none() {
        onH2().run(context -> {
            assertThat(context).hasSingleBean(BreakAgency.class).hasSingleBean(JdbcPersistence.class)
                    .hasSingleBean(BreakLifecycle.class).hasSingleBean(BreakHealthIndicator.class);
            BreakAgency agency = context.getBean(BreakAgency.class);
            assertThat(agency.diagnostics().health(Office.ADMIN).status().name()).isEqualTo("UP");
        });
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BreakAutoConfiguration.class,
                BreakHealthAutoConfiguration.class)).run(context -> assertThat(context).hasNotFailed()
                .doesNotHaveBean(BreakAgency.class).doesNotHaveBean(Persistence.class).doesNotHaveBean(BreakLifecycle.class)
                .doesNotHaveBean(BreakHealthIndicator.class));
    }

    @Configuration(proxyBeanMethods = false)
    static class HostAgency {
        @Bean
        BreakAgency hostAgency() {
            return BreakAgency.builder().persistence(InMemoryPersistence.create()).workerId("host-own").build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class HostPersistenceAndClock {
        static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

        @Bean
        Persistence hostPersistence() {
            return InMemoryPersistence.create();
        }

        @Bean
        Clock hostClock() {
            return CLOCK;
        }
    }

    @Test
    void the_hosts_own_agency_wins() {
        onH2().withUserConfiguration(HostAgency.class).run(context -> {
            assertThat(context).hasSingleBean(BreakAgency.class).hasBean("hostAgency").doesNotHaveBean("breakAgency");
            // the host's agency still gets its lifecycle and health
            assertThat(context).hasSingleBean(BreakLifecycle.class).hasSingleBean(BreakHealthIndicator.class);
        });
    }

    @Test
    void the_hosts_persistence_and_clock_are_used() {
        onH2().withUserConfiguration(HostPersistenceAndClock.class).run(context -> {
            assertThat(context).doesNotHaveBean(JdbcPersistence.class).hasSingleBean(BreakAgency.class);
            var health = context.getBean(BreakAgency.class).diagnostics().health(Office.ADMIN);
            assertThat(health.checkedAt()).isEqualTo(HostPersistenceAndClock.CLOCK.instant());
        });
    }

    @Test
    void unset_properties_are_the_builders_defaults_and_set_ones_bind() {
        onH2().run(context -> {
            BreakProperties p = context.getBean(BreakProperties.class);
            assertThat(p.getWorker().getThreads()).isEqualTo(BreakAgencyBuilder.DEFAULT_WORKER_THREADS);
            assertThat(p.getWorker().getPollInterval()).isEqualTo(BreakAgencyBuilder.DEFAULT_POLL_INTERVAL);
            assertThat(p.getWorker().getLease()).isEqualTo(BreakAgencyBuilder.DEFAULT_LEASE);
            assertThat(p.getWorker().getShutdownTimeout()).isEqualTo(BreakAgencyBuilder.DEFAULT_SHUTDOWN_TIMEOUT);
            assertThat(p.getBackoff().toBackoff()).isEqualTo(BreakAgencyBuilder.DEFAULT_BACKOFF);
            assertThat(p.getJanitor().getInterval()).isEqualTo(BreakAgencyBuilder.DEFAULT_JANITOR_INTERVAL);
            assertThat(p.getJanitor().getGracePeriod()).isEqualTo(BreakAgencyBuilder.DEFAULT_JANITOR_GRACE_PERIOD);
            assertThat(p.getFinance().getIdempotencyRetention()).isEqualTo(BreakAgencyBuilder.DEFAULT_IDEMPOTENCY_RETENTION);
            assertThat(p.getFinance().getPaymentTerms()).isEqualTo(BreakAgencyBuilder.DEFAULT_PAYMENT_TERMS);
            assertThat(p.getFinance().getPendingCommissions()).isEqualTo(BreakAgencyBuilder.DEFAULT_PENDING_COMMISSIONS);
            assertThat(p.getClientErrorLogLevel()).isEqualTo(BreakAgencyBuilder.DEFAULT_CLIENT_ERROR_LOG_LEVEL);
            assertThat(p.getJdbc().getSchema()).isEqualTo(JdbcPersistence.DEFAULT_SCHEMA);
            assertThat(p.getJdbc().isMigrateOnStart()).isEqualTo(JdbcPersistence.DEFAULT_MIGRATE_ON_START);
            assertThat(p.getJdbc().getSerializationRetries()).isEqualTo(JdbcPersistence.DEFAULT_SERIALIZATION_RETRIES);
            assertThat(p.getWorker().isEnabled()).isFalse();
        });
        onH2().withPropertyValues("break.worker.threads=3", "break.worker.poll-interval=250ms", "break.backoff.base=2s",
                "break.backoff.cap=2m", "break.backoff.max-attempts=4", "break.backoff.jitter=0.1",
                "break.finance.payment-terms=14d", "break.finance.pending-commissions=REJECT_PAYMENT",
                "break.jdbc.schema=break_app", "break.client-error-log-level=INFO", "break.worker.id=instance-7")
                .run(context -> {
                    BreakProperties p = context.getBean(BreakProperties.class);
                    assertThat(p.getWorker().getThreads()).isEqualTo(3);
                    assertThat(p.getWorker().getPollInterval()).isEqualTo(Duration.ofMillis(250));
                    assertThat(p.getBackoff().toBackoff()).isEqualTo(new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(2), 4, 0.1));
                    assertThat(p.getFinance().getPaymentTerms()).isEqualTo(java.time.Period.ofDays(14));
                    assertThat(context.getBean(JdbcPersistence.class).schema()).isEqualToIgnoringCase("break_app");
                    assertThat(p.getWorker().getId()).isEqualTo("instance-7");
                });
    }

    @Test
    void a_value_out_of_range_fails_the_start_naming_the_property() {
        Map<String, String> bad = Map.of(
                "break.worker.threads", "0",
                "break.worker.lease", "100ms",
                "break.finance.idempotency-retention", "30m",
                "break.backoff.jitter", "0.9",
                "break.jdbc.schema", "drop table",
                "break.client-error-log-level", "ERROR",
                "break.worker.id", "a b");
        bad.forEach((name, value) -> onH2().withPropertyValues(name + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).as(name).contains(name);
        }));
        onH2().withPropertyValues("break.worker.threads=many").run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("break.worker.threads");
        });
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }

    @Test
    void the_worker_starts_after_refresh_and_stops_with_the_context() {
        String id = "ctx-" + UUID.randomUUID().toString().substring(0, 8);
        onH2().withPropertyValues("break.worker.enabled=true", "break.worker.id=" + id).run(context -> {
            assertThat(context.getBean(BreakLifecycle.class).isRunning()).isTrue();
            assertThat(context.getBean(BreakLifecycle.class).workerStarted()).isTrue();
            assertThat(workerThreads(id)).isNotEmpty();
        });
        assertThat(workerThreads(id)).as("no worker thread outlives the context").isEmpty();

        String idle = "idle-" + UUID.randomUUID().toString().substring(0, 8);
        onH2().withPropertyValues("break.worker.enabled=false", "break.worker.id=" + idle).run(context -> {
            assertThat(context.getBean(BreakLifecycle.class).workerStarted()).isFalse();
            assertThat(workerThreads(idle)).isEmpty();
        });
    }

    private static List<Thread> workerThreads(String workerId) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("break-worker-" + workerId + "-") && t.isAlive()).toList();
    }

    @Test
    void the_health_contributor_reports_a_dead_step_as_degraded_and_an_uncovered_paid_invoice_as_down() {
        onH2().run(context -> {
            BreakAgency agency = context.getBean(BreakAgency.class);
            JdbcPersistence persistence = context.getBean(JdbcPersistence.class);
            BreakHealthIndicator indicator = context.getBean(BreakHealthIndicator.class);
            assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

            Office.aPaidInvoiceWithPendingCommissions(agency, persistence);
            Office.killTheDueStep(persistence.workQueue());
            Health degraded = indicator.health();
            assertThat(degraded.getStatus()).isEqualTo(BreakHealthIndicator.DEGRADED);
            assertThat(degraded.getDetails().get("reasons").toString()).contains("1 step is DEAD");

            Office.aPaidInvoiceWithPendingCommissions(agency, persistence);
            Office.completeTheDueStepWithoutItsWork(persistence.workQueue());
            Health down = indicator.health();
            assertThat(down.getStatus()).isEqualTo(Status.DOWN);
            assertThat(down.getDetails().get("reasons").toString())
                    .contains("1 paid invoice has payments without commission lines and no step to make them");
            @SuppressWarnings("unchecked")
            Map<String, Object> workflow = (Map<String, Object>) down.getDetails().get("workflow");
            assertThat(workflow).containsEntry("deadSteps", 1L).containsEntry("paidWithoutCommissionsOrStep", 1L);
        });
    }
}
