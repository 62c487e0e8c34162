package com.breakagency.examples.spring;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import com.breakagency.ports.spi.Persistence;
import com.breakagency.testkit.oauth.FakeGoogle;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's controls: sign in as a role, and make happen what the console shows (a token refresh, Google
 * answering {@code invalid_grant}, a reconnect, a step going DEAD). Administrators only, except signing in.
 * Answers carry ids and statuses, never an address or a token.
 */
@RestController
@RequestMapping("/demo")
@ConditionalOnProperty(prefix = "reference.demo", name = "enabled", havingValue = "true", matchIfMissing = true)
class DemoControls {

    private final BreakAgency agency;
    private final FakeGoogle google;
    private final DemoSeed seed;
    private final Persistence persistence;

    DemoControls(BreakAgency agency, FakeGoogle google, DemoSeed seed, Persistence persistence) {
        this.agency = agency;
        this.google = google;
        this.seed = seed;
        this.persistence = persistence;
    }

    /** Signs the browser in as one of the demo's roles and opens the console. */
    @GetMapping("/login")
    void login(@RequestParam(defaultValue = "ADMIN") String role, HttpServletResponse response) throws IOException {
        Cookie cookie = new Cookie(DemoActors.COOKIE, DemoActors.role(role).orElse(Role.AGENT).name());
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        response.addCookie(cookie);
        response.sendRedirect("/break-admin/");
    }

    /** Signs the browser out. */
    @GetMapping("/logout")
    void logout(HttpServletResponse response) throws IOException {
        Cookie cookie = new Cookie(DemoActors.COOKIE, "");
        cookie.setPath("/");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
        response.sendRedirect("/");
    }

    /** Makes Break refresh a connection's access token now (as when Google refused the current one). */
    @PostMapping("/connections/{id}/refresh")
    Map<String, String> refresh(OperationContext context, @PathVariable String id) {
        administrator(context);
        AccessToken current = agency.integrations().accessToken(OperationContext.system(), id);
        agency.integrations().accessToken(OperationContext.system(), id, AccessTokenRequest.replacing(current.token()));
        return status(id);
    }

    /**
     * The fake Google answers the next refresh with {@code invalid_grant} (the user revoked access), and Break
     * refreshes: the connection needs reauthorization. The answer is Break's TOKEN_REFRESH_FAILED problem.
     */
    @PostMapping("/connections/{id}/invalid-grant")
    Map<String, String> invalidGrant(OperationContext context, @PathVariable String id) {
        administrator(context);
        AccessToken current = agency.integrations().accessToken(OperationContext.system(), id);
        google.failNext(FakeGoogle.Failure.INVALID_GRANT, 1);
        agency.integrations().accessToken(OperationContext.system(), id, AccessTokenRequest.replacing(current.token()));
        return status(id);
    }

    /** The connection's owner connects the same account again: it recovers. */
    @PostMapping("/connections/{id}/reconnect")
    Map<String, String> reconnect(OperationContext context, @PathVariable String id) {
        administrator(context);
        Connection connection = agency.integrations().getConnection(OperationContext.system(), id);
        String reconnected = seed.connect(connection.ownerUserId(), connection.accountAddress());
        return status(reconnected);
    }

    /** The oldest due repair step runs out of attempts now: DEAD, as if its last attempt failed. */
    @PostMapping("/steps/dead")
    Map<String, String> killAStep(OperationContext context) {
        administrator(context);
        List<WorkStep> claimed = persistence.workQueue().claimDue("demo", Instant.now(), Duration.ofMinutes(5), 1);
        if (claimed.isEmpty()) {
            throw BreakException.builder(ErrorCode.CONFLICT).reason("INVALID_STATE_TRANSITION")
                    .detail("No step is due: retry a DEAD one first.").build();
        }
        WorkStep step = claimed.get(0);
        persistence.workQueue().fail(step.id(), "demo", step.version(), "given up by the demo", Instant.now(), true);
        return Map.of("stepId", step.id(), "status", StepStatus.DEAD.name());
    }

    private Map<String, String> status(String id) {
        Connection connection = agency.integrations().getConnection(OperationContext.system(), id);
        return Map.of("connectionId", connection.id(), "status", connection.status().name());
    }

    private static void administrator(OperationContext context) {
        if (!context.actor().has(Role.ADMIN)) {
            throw BreakException.builder(ErrorCode.FORBIDDEN).reason("NOT_PERMITTED")
                    .detail("The demo's controls are for administrators.").build();
        }
    }
}
