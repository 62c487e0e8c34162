package com.breakagency.spring.boot.admin;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.diagnostics.AdminIntegrationsView;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.work.StepStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The admin console under {@code break.admin.base-path}: its page and, under {@code <base>/api}, its JSON
 * endpoints and live stream. Every endpoint takes the request's {@link OperationContext} (the host's
 * {@code ActorResolver} decides who calls; nobody is 401) and goes through Break's driving ports, so Break's
 * policy table decides who may (ADMIN and SYSTEM; anyone else is 403) and its audit trail records who
 * retried a step or ran the janitor. The endpoints that read no port of their own (the recent errors, the
 * stream) ask the boundary first with a one-step read of the DEAD steps. Failures are Break's problems,
 * rendered as problem+json by the starter's handler.
 */
@RestController
@RequestMapping("${break.admin.base-path:" + BreakAdminProperties.DEFAULT_BASE_PATH + "}")
public class AdminConsoleController {

    /** The files of the page, served from the jar. */
    static final Map<String, MediaType> FILES = Map.of(
            "index.html", MediaType.TEXT_HTML,
            "console.css", MediaType.valueOf("text/css"),
            "console.js", MediaType.valueOf("text/javascript"));
    private static final String STATIC = "/com/breakagency/spring/boot/admin/static/";
    private static final Pattern LAST_EVENT_ID = Pattern.compile("[0-9]{1,18}");
    /** The page's own policy: its scripts and styles from here only, no inline code, no third party. */
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
            + "img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private final BreakAgency agency;
    private final AdminEvents events;
    private final RecentErrors errors;
    private final String basePath;

    /**
     * A controller over an agency.
     *
     * @param agency the agency
     * @param events the live stream
     * @param errors   the errors this instance reported
     * @param basePath where the console is served, such as {@code /break-admin}
     */
    public AdminConsoleController(BreakAgency agency, AdminEvents events, RecentErrors errors, String basePath) {
        this.basePath = Objects.requireNonNull(basePath, "basePath");
        this.agency = Objects.requireNonNull(agency, "agency");
        this.events = Objects.requireNonNull(events, "events");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /**
     * The base path without its slash sends the browser to the page, so the page's relative links resolve (a
     * relative redirect, which keeps the host's servlet context path).
     *
     * @return a redirect to {@code <base>/}
     */
    @GetMapping
    public ResponseEntity<Void> root() {
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION,
                basePath.substring(basePath.lastIndexOf('/') + 1) + "/").build();
    }

    /**
     * The page. It holds no data: its script reads the endpoints, so it says plainly when the reader may not.
     *
     * @return the HTML
     */
    @GetMapping("/")
    public ResponseEntity<byte[]> page() {
        return file("index.html");
    }

    /**
     * The page's script and style sheet.
     *
     * @param name {@code console.js} or {@code console.css}
     * @return the file, or 404
     */
    @GetMapping("/static/{name}")
    public ResponseEntity<byte[]> file(@PathVariable String name) {
        MediaType type = FILES.get(name);
        if (type == null) {
            return ResponseEntity.notFound().build();
        }
        try (InputStream in = AdminConsoleController.class.getResourceAsStream(STATIC + name)) {
            if (in == null) {
                return ResponseEntity.notFound().build();
            }
            return ResponseEntity.ok().contentType(type).cacheControl(CacheControl.noCache())
                    .header("Content-Security-Policy", CSP).header("X-Content-Type-Options", "nosniff")
                    .header("Referrer-Policy", "no-referrer").body(in.readAllBytes());
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * Break's health: every section with its reasons.
     *
     * @param context who calls
     * @return the health
     */
    @GetMapping("/api/health")
    public ConsoleViews.HealthView health(OperationContext context) {
        return ConsoleViews.HealthView.of(agency.diagnostics().health(context));
    }

    /**
     * The integrations in the old {@code /api/admin/diagnostics/integrations} shape.
     *
     * @param context who calls
     * @return the view
     */
    @GetMapping("/api/integrations")
    public AdminIntegrationsView integrations(OperationContext context) {
        return AdminIntegrationsView.of(agency.diagnostics().health(context).integrations());
    }

    /**
     * One page of DEAD steps, in queuing order.
     *
     * @param context who calls
     * @param cursor  the previous page's {@code nextCursor}
     * @param limit   1 to 500
     * @return the page
     */
    @GetMapping("/api/dead-steps")
    public ConsoleViews.StepPage deadSteps(OperationContext context, @RequestParam(required = false) String cursor,
                                           @RequestParam(defaultValue = "50") int limit) {
        return ConsoleViews.StepPage.of(agency.recovery().listSteps(context,
                new StepQuery(StepStatus.DEAD, null, cursor, limit)));
    }

    /**
     * Gives a DEAD step another round of attempts, audited as the caller.
     *
     * @param context who calls
     * @param id      the step
     * @return the step afterwards
     */
    @PostMapping("/api/dead-steps/{id}/retry")
    public ConsoleViews.StepView retry(OperationContext context, @PathVariable String id) {
        return ConsoleViews.StepView.of(agency.recovery().retryStep(context, id));
    }

    /**
     * Runs the janitor now, on this request's thread, audited as the caller.
     *
     * @param context who calls
     * @return what the run found
     */
    @PostMapping("/api/janitor/run")
    public ConsoleViews.JanitorView runJanitor(OperationContext context) {
        return ConsoleViews.JanitorView.of(agency.recovery().runJanitor(context));
    }

    /**
     * What this instance reported most recently (see {@link RecentErrors} for why memory, and why per instance).
     *
     * @param context who calls
     * @return {@code source}, and the errors newest first
     */
    @GetMapping("/api/errors")
    public Map<String, Object> recentErrors(OperationContext context) {
        authorize(context);
        List<RecentErrors.RecentError> recent = errors.recent();
        return Map.of("source", "memory of this instance, since it started", "items", recent);
    }

    /**
     * The live stream (Server-Sent Events); see {@link AdminEvents}.
     *
     * @param context     who calls
     * @param lastEventId the browser's {@code Last-Event-ID} when it reconnects
     * @return the stream
     */
    @GetMapping(path = "/api/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(OperationContext context,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        authorize(context);
        Optional<Long> seen = lastEventId != null && LAST_EVENT_ID.matcher(lastEventId).matches()
                ? Optional.of(Long.parseLong(lastEventId)) : Optional.empty();
        return events.subscribe(seen);
    }

    /** Asks Break's boundary whether the caller may read the recovery state: FORBIDDEN unless ADMIN or SYSTEM. */
    private void authorize(OperationContext context) {
        agency.recovery().listSteps(context, StepQuery.inStatus(StepStatus.DEAD, 1));
    }
}
