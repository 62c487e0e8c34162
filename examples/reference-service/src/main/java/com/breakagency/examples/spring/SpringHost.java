package com.breakagency.examples.spring;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.spring.boot.web.ActorResolver;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.security.Principal;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Break's reference service: a Spring Boot service embedding Break through the starter. The starter builds,
 * starts, measures and health-checks the agency on the DataSource in {@code application.properties} (H2 by
 * default, PostgreSQL with {@code --spring.datasource.url=jdbc:postgresql://...}); {@link ReferenceApi} serves
 * the CRM and finance over REST, the starter's admin console is on, and {@link DemoMode} (on by default) adds
 * Gmail connections against the testkit's fake Google, seeded demo data and the demo's roles. The beans here
 * are the host's own business: who a request's user is. Its {@code starter-controller} snippet is the README's.
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
     * The host's own business: who a request's user is. Here the servlet principal, which Spring Security (or
     * the demo sign-in below) sets.
     *
     * @return the resolver
     */
    // tag::starter-controller[]
    @Bean
    ActorResolver actors() {   // the host's principal to a Break actor
        return request -> Optional.ofNullable(request.getUserPrincipal())
                .map(p -> Actor.staff(p.getName(), Role.AGENT));
    }
    // end::starter-controller[]

    /**
     * A demo's stand-in for a real sign-in (Spring Security in a real host): the {@code X-User} header becomes
     * the request's principal. Never trust such a header outside a demo.
     *
     * @return the filter
     */
    @Bean
    Filter demoSignIn() {
        return (request, response, chain) -> {
            String user = ((HttpServletRequest) request).getHeader("X-User");
            chain.doFilter(user == null || user.isBlank() ? request
                    : new HttpServletRequestWrapper((HttpServletRequest) request) {
                        @Override
                        public Principal getUserPrincipal() {
                            return () -> user;
                        }
                    }, response);
        };
    }

    /** One endpoint: a Break error it lets escape is answered as problem+json by the starter. */
    @RestController
    static class Brands {

        private final BreakAgency agency;

        Brands(BreakAgency agency) {
            this.agency = agency;
        }

        // tag::starter-controller[]
        @PostMapping("/brands")
        Brand create(OperationContext context, @RequestBody CreateBrand command) {
            return agency.crm().createBrand(context, command);   // a BreakException becomes problem+json
        }
        // end::starter-controller[]
    }
}
