package com.breakagency.spring.boot.web;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.crm.Brand;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A small host: an actor from two headers, and a controller that calls the agency. */
@SpringBootApplication
public class TestHost {

    /** The test's own stand-in for the host's authentication: {@code X-Test-User} and {@code X-Test-Role}. */
    @Bean
    ActorResolver actorResolver() {
        return request -> {
            String user = request.getHeader("X-Test-User");
            String role = request.getHeader("X-Test-Role");
            if (user == null || role == null) {
                return Optional.empty();
            }
            return Optional.of("TALENT".equals(role) ? Actor.talent(user, "talent-of-" + user)
                    : Actor.staff(user, Role.valueOf(role)));
        };
    }

    /** Calls the agency as the request's actor. */
    @RestController
    static class Brands {

        private final BreakAgency agency;

        Brands(BreakAgency agency) {
            this.agency = agency;
        }

        @PostMapping("/brands")
        Brand create(OperationContext context, @RequestParam String name, @RequestParam String domain) {
            return agency.crm().createBrand(context, new CreateBrand(name, Set.of(domain), "agent-1", Set.of()));
        }

        @GetMapping("/brands/{id}")
        Brand get(OperationContext context, @PathVariable String id) {
            return agency.crm().getBrand(context, id);
        }

        @GetMapping("/health")
        String health(OperationContext context) {
            return agency.diagnostics().health(context).status().name();
        }

        @GetMapping("/limited")
        String limited(OperationContext context) {
            throw BreakException.builder(ErrorCode.RATE_LIMITED).reason("TOO_MANY_REQUESTS")
                    .detail("Slow down.").retryAfter(Duration.ofMillis(29_500)).build();
        }

        @GetMapping("/unavailable")
        String unavailable(OperationContext context) {
            throw BreakException.builder(ErrorCode.INTEGRATION_UNAVAILABLE).reason("UPSTREAM_RATE_LIMITED")
                    .detail("Google is rate-limiting us.").retryAfter(Duration.ofSeconds(60)).build();
        }
    }
}
