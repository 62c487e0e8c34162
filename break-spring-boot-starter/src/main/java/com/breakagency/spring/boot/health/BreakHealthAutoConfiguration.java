package com.breakagency.spring.boot.health;

import com.breakagency.core.BreakAgency;
import com.breakagency.spring.boot.BreakAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The Actuator health contributor {@code break} when Spring Boot's health support is present; off with
 * {@code management.health.break.enabled=false}.
 */
@AutoConfiguration(after = BreakAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(BreakAgency.class)
@ConditionalOnEnabledHealthIndicator("break")
public class BreakHealthAutoConfiguration {

    /** Created by Spring. */
    public BreakHealthAutoConfiguration() {
    }

    /**
     * The contributor; its bean name makes it {@code break} in {@code /actuator/health}.
     *
     * @param agency the agency
     * @return the contributor
     */
    @Bean
    @ConditionalOnMissingBean(name = "breakHealthIndicator")
    public BreakHealthIndicator breakHealthIndicator(BreakAgency agency) {
        return new BreakHealthIndicator(agency.diagnostics());
    }
}
