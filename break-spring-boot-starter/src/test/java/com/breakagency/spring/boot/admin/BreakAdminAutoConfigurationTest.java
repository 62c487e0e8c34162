package com.breakagency.spring.boot.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.spi.ErrorReport;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.spring.boot.BreakAutoConfiguration;
import com.breakagency.spring.boot.web.BreakWebAutoConfiguration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/**
 * The console's auto-configuration on real web contexts: off by default, on with {@code break.admin.enabled},
 * bad values failing the start with the property's name, the stream polling from the context's start until
 * its close, and a host's own reporter left alone.
 */
class BreakAdminAutoConfigurationTest {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BreakAdminErrorsAutoConfiguration.class,
                    BreakAutoConfiguration.class, BreakWebAutoConfiguration.class, BreakAdminAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "break.worker.enabled=false");

    @Test
    void the_console_is_off_unless_enabled() {
        runner.run(context -> assertThat(context).hasSingleBean(BreakAgency.class)
                .doesNotHaveBean(AdminConsoleController.class).doesNotHaveBean(AdminEvents.class)
                .doesNotHaveBean(RecentErrors.class).doesNotHaveBean(LegacyIntegrationsController.class));
    }

    @Test
    void enabled_it_serves_the_console_and_its_stream_polls_while_the_context_runs() {
        runner.withPropertyValues("break.admin.enabled=true").run(context -> {
            assertThat(context).hasSingleBean(AdminConsoleController.class).hasSingleBean(RecentErrors.class)
                    .doesNotHaveBean(LegacyIntegrationsController.class);
            assertThat(context.getBean(AdminEvents.class).isRunning()).isTrue();
            assertThat(context.getBean(BreakAdminProperties.class).getBasePath()).isEqualTo("/break-admin");
        });
        AdminEvents[] events = new AdminEvents[1];
        runner.withPropertyValues("break.admin.enabled=true", "break.admin.legacy-integrations-endpoint=true").run(context -> {
            assertThat(context).hasSingleBean(LegacyIntegrationsController.class);
            events[0] = context.getBean(AdminEvents.class);
        });
        assertThat(events[0].isRunning()).as("stopped with its context").isFalse();
    }

    @Test
    void bad_values_fail_the_start_naming_the_property() {
        Map<String, String> bad = Map.of(
                "break.admin.base-path", "no-slash",
                "break.admin.poll-interval", "10ms",
                "break.admin.event-buffer", "0",
                "break.admin.recent-errors", "0",
                "break.admin.stream-timeout", "1s");
        bad.forEach((name, value) -> runner.withPropertyValues("break.admin.enabled=true", name + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            StringBuilder text = new StringBuilder();
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
                text.append(t.getMessage()).append('\n');
            }
            assertThat(text.toString()).as(name).contains(name);
        }));
    }

    @Test
    void a_hosts_own_reporter_stays_the_agencys_and_the_ring_stays_empty_until_the_host_tees_it() {
        List<ErrorReport> seen = new CopyOnWriteArrayList<>();
        ErrorReporter own = seen::add;
        runner.withPropertyValues("break.admin.enabled=true").withBean(ErrorReporter.class, () -> own).run(context -> {
            assertThat(context.getBean(ErrorReporter.class)).isSameAs(own);
            assertThat(context.getBean(RecentErrors.class).recent()).isEmpty();
        });
    }
}
