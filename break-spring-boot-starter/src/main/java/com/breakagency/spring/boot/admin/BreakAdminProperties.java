package com.breakagency.spring.boot.admin;

import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * {@code break.admin.*}: the live admin console. Off unless {@code break.admin.enabled=true}. Values outside
 * their range fail the start-up, naming the property. Instances are mutable beans that Spring binds.
 */
@ConfigurationProperties(prefix = "break.admin")
public class BreakAdminProperties implements Validator {

    /** The default base path of the console's page and endpoints. */
    public static final String DEFAULT_BASE_PATH = "/break-admin";
    /** The default interval at which each instance reads Break's state from the database for the live stream. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(500);
    /** The default number of events kept for {@code Last-Event-ID} resume. */
    public static final int DEFAULT_EVENT_BUFFER = 256;
    /** The default number of reported errors this instance keeps for the console. */
    public static final int DEFAULT_RECENT_ERRORS = 100;
    /** The default time after which an open event stream is closed (the browser reconnects by itself). */
    public static final Duration DEFAULT_STREAM_TIMEOUT = Duration.ofMinutes(30);

    private static final Pattern BASE_PATH = Pattern.compile("(/[A-Za-z0-9._~-]+)+");

    /** Whether the admin console (page, JSON endpoints, live stream) is served. */
    private boolean enabled;
    /** Where the console is served: its page at the base path, its endpoints under {@code <base>/api}. */
    private String basePath = DEFAULT_BASE_PATH;
    /** How often each instance reads Break's state from the database to push changes to its streams. */
    private Duration pollInterval = DEFAULT_POLL_INTERVAL;
    /** How many events each instance keeps for a reconnecting stream's {@code Last-Event-ID} resume. */
    private int eventBuffer = DEFAULT_EVENT_BUFFER;
    /** How many reported errors this instance keeps in memory for the console's recent errors. */
    private int recentErrors = DEFAULT_RECENT_ERRORS;
    /** How long an event stream stays open before the server ends it and the browser reconnects. */
    private Duration streamTimeout = DEFAULT_STREAM_TIMEOUT;
    /** Whether the integrations view is also served at the old {@code /api/admin/diagnostics/integrations}. */
    private boolean legacyIntegrationsEndpoint;

    /** Creates the defaults. */
    public BreakAdminProperties() {
    }

    /** @return whether the console is on */
    public boolean isEnabled() {
        return enabled;
    }

    /** @param value whether the console is on */
    public void setEnabled(boolean value) {
        this.enabled = value;
    }

    /** @return the base path, such as {@code /break-admin} */
    public String getBasePath() {
        return basePath;
    }

    /** @param value a path of one or more segments, without a trailing slash */
    public void setBasePath(String value) {
        this.basePath = value;
    }

    /** @return the poll interval */
    public Duration getPollInterval() {
        return pollInterval;
    }

    /** @param value 50 ms to 2 s */
    public void setPollInterval(Duration value) {
        this.pollInterval = value;
    }

    /** @return the event buffer size */
    public int getEventBuffer() {
        return eventBuffer;
    }

    /** @param value 1 to 10,000 */
    public void setEventBuffer(int value) {
        this.eventBuffer = value;
    }

    /** @return how many reported errors are kept */
    public int getRecentErrors() {
        return recentErrors;
    }

    /** @param value 1 to 10,000 */
    public void setRecentErrors(int value) {
        this.recentErrors = value;
    }

    /** @return the stream timeout */
    public Duration getStreamTimeout() {
        return streamTimeout;
    }

    /** @param value 10 s or more */
    public void setStreamTimeout(Duration value) {
        this.streamTimeout = value;
    }

    /** @return whether the old integrations path is served too */
    public boolean isLegacyIntegrationsEndpoint() {
        return legacyIntegrationsEndpoint;
    }

    /** @param value whether the old integrations path is served too */
    public void setLegacyIntegrationsEndpoint(boolean value) {
        this.legacyIntegrationsEndpoint = value;
    }

    @Override
    public boolean supports(Class<?> type) {
        return BreakAdminProperties.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        BreakAdminProperties p = (BreakAdminProperties) target;
        if (p.basePath == null || !BASE_PATH.matcher(p.basePath).matches()) {
            errors.rejectValue("basePath", "invalid", "break.admin.base-path must be a path such as /break-admin");
        }
        if (p.pollInterval == null || p.pollInterval.toMillis() < 50 || p.pollInterval.compareTo(Duration.ofSeconds(2)) > 0) {
            errors.rejectValue("pollInterval", "range", "break.admin.poll-interval must be 50ms to 2s");
        }
        if (p.eventBuffer < 1 || p.eventBuffer > 10_000) {
            errors.rejectValue("eventBuffer", "range", "break.admin.event-buffer must be 1 to 10000");
        }
        if (p.recentErrors < 1 || p.recentErrors > 10_000) {
            errors.rejectValue("recentErrors", "range", "break.admin.recent-errors must be 1 to 10000");
        }
        if (p.streamTimeout == null || p.streamTimeout.compareTo(Duration.ofSeconds(10)) < 0) {
            errors.rejectValue("streamTimeout", "range", "break.admin.stream-timeout must be 10s or more");
        }
    }
}
