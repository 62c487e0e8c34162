package com.breakagency.spring.boot.admin;

import com.breakagency.core.Slf4jErrorReporter;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.spring.boot.BreakAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

/**
 * The console's {@link RecentErrors} and, when the host defines no {@link ErrorReporter} of its own, the
 * reporter the agency gets: the ring first, then the host's initialized Sentry when
 * {@code break-adapter-sentry} is present, else Break's {@link Slf4jErrorReporter} (what the agency would
 * have used). A host with its own reporter bean passes it through {@link RecentErrors#tee(ErrorReporter)}
 * to see its reports in the console. Runs before {@link BreakAutoConfiguration}, which builds the agency.
 */
@AutoConfiguration(before = BreakAutoConfiguration.class)
@ConditionalOnProperty(prefix = "break.admin", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(BreakAdminProperties.class)
public class BreakAdminErrorsAutoConfiguration {

    private static final String SENTRY_REPORTER = "com.breakagency.adapter.sentry.SentryErrorReporter";

    /** Created by Spring. */
    public BreakAdminErrorsAutoConfiguration() {
    }

    /**
     * The ring of recent reported errors.
     *
     * @param properties {@code break.admin.recent-errors}
     * @return the ring
     */
    @Bean
    @ConditionalOnMissingBean(RecentErrors.class)
    public RecentErrors breakRecentErrors(BreakAdminProperties properties) {
        return new RecentErrors(properties.getRecentErrors());
    }

    /**
     * The agency's reporter when the host has none: the ring, then Sentry or the log.
     *
     * @param errors the ring
     * @return the reporter
     */
    @Bean
    @ConditionalOnMissingBean(ErrorReporter.class)
    public ErrorReporter breakAdminErrorReporter(RecentErrors errors) {
        ErrorReporter next = null;
        if (ClassUtils.isPresent(SENTRY_REPORTER, getClass().getClassLoader())) {
            next = HostSentry.reporterIfInitialized();
        }
        return errors.tee(next != null ? next : new Slf4jErrorReporter());
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
