package com.breakagency.spring.boot.admin;

import com.breakagency.core.BreakAgency;
import com.breakagency.spring.boot.BreakAutoConfiguration;
import com.breakagency.spring.boot.web.BreakWebAutoConfiguration;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The live admin console ({@code break.admin.enabled=true}, in a servlet web application with Spring MVC):
 * {@link AdminConsoleController} under {@code break.admin.base-path}, its {@link AdminEvents} stream and,
 * with {@code break.admin.legacy-integrations-endpoint=true}, {@link LegacyIntegrationsController}. Errors
 * render through the starter's problem handler, so {@code break.web.enabled} must stay on.
 */
@AutoConfiguration(after = {BreakAutoConfiguration.class, BreakWebAutoConfiguration.class,
    BreakAdminErrorsAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnProperty(prefix = "break.admin", name = "enabled", havingValue = "true")
@ConditionalOnBean(BreakAgency.class)
public class BreakAdminAutoConfiguration {

    /** Created by Spring. */
    public BreakAdminAutoConfiguration() {
    }

    /**
     * The live stream; it polls from its start, in the context's lifecycle, until its stop.
     *
     * @param agency     the agency
     * @param properties {@code break.admin.*}
     * @param clocks     the host's clock, if any
     * @return the stream
     */
    @Bean
    @ConditionalOnMissingBean(AdminEvents.class)
    public AdminEvents breakAdminEvents(BreakAgency agency, BreakAdminProperties properties,
                                        ObjectProvider<Clock> clocks) {
        return new AdminEvents(agency.diagnostics(), agency.recovery(), clocks.getIfUnique(Clock::systemUTC),
                properties.getPollInterval(), properties.getEventBuffer(), properties.getStreamTimeout());
    }

    /**
     * The page and its endpoints.
     *
     * @param agency     the agency
     * @param events     the stream
     * @param errors     the errors this instance reported
     * @param properties {@code break.admin.base-path}
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean(AdminConsoleController.class)
    public AdminConsoleController breakAdminConsoleController(BreakAgency agency, AdminEvents events,
                                                              RecentErrors errors, BreakAdminProperties properties) {
        return new AdminConsoleController(agency, events, errors, properties.getBasePath());
    }

    /**
     * The old integrations endpoint.
     *
     * @param agency the agency
     * @return the controller
     */
    @Bean
    @ConditionalOnMissingBean(LegacyIntegrationsController.class)
    @ConditionalOnProperty(prefix = "break.admin", name = "legacy-integrations-endpoint", havingValue = "true")
    public LegacyIntegrationsController breakLegacyIntegrationsController(BreakAgency agency) {
        return new LegacyIntegrationsController(agency);
    }
}
