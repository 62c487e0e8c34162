package com.breakagency.examples.spring;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.spring.boot.web.ActorResolver;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Break's reference service: a Spring Boot service embedding Break through the starter. The starter builds,
 * starts, measures and health-checks the agency on the DataSource in {@code application.properties} (H2 by
 * default, PostgreSQL with {@code --spring.datasource.url=jdbc:postgresql://...}); {@link ReferenceApi} serves
 * the CRM and finance over REST, the starter's admin console is on, and {@link DemoMode} (on by default) adds
 * Gmail connections against the testkit's fake Google and seeded demo data. The bean here is the host's own
 * business: who a request's user is.
 */
@SpringBootApplication
public class SpringHost {

    /**
     * Runs the service.
     *
     * @param args Spring Boot's arguments
     */
    public static void main(String[] args) {
        SpringApplication.run(SpringHost.class, args);
    }

    /**
     * A demo's stand-in for real authentication: the {@code X-User} header names an agent (or whoever
     * {@code X-Role} says), and in the demo the sign-in cookie of {@link DemoActors} names the role.
     */
    @Bean
    ActorResolver actors() {
        return DemoActors::resolve;
    }

    /** One endpoint: a Break error it lets escape is answered as problem+json by the starter. */
    @RestController
    static class Brands {

        private final BreakAgency agency;

        Brands(BreakAgency agency) {
            this.agency = agency;
        }

        @PostMapping("/brands")
        Brand create(OperationContext context, @RequestParam String name, @RequestParam String domain) {
            return agency.crm().createBrand(context, new CreateBrand(name, Set.of(domain), context.actor().userId(), Set.of()));
        }
    }
}
