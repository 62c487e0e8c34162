package com.breakagency.spring.boot.admin;

import com.breakagency.ports.api.diagnostics.ConnectionHealth;
import com.breakagency.ports.api.diagnostics.Health;
import com.breakagency.ports.api.diagnostics.IntegrationHealth;
import com.breakagency.ports.api.diagnostics.JanitorStatus;
import com.breakagency.ports.api.diagnostics.ProviderSummary;
import com.breakagency.ports.api.diagnostics.WorkflowHealth;
import com.breakagency.ports.api.recovery.JanitorReport;
import com.breakagency.ports.error.Redaction;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.work.WorkStep;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON the console's endpoints write: plain records of text, numbers and lists, so any JSON library
 * writes them the same. Instants are ISO-8601 text, absent values null. No token, secret, payload or full
 * address appears: connections carry the masked address, errors are redacted again.
 */
public final class ConsoleViews {

    private ConsoleViews() {
    }

    /**
     * Break's health.
     *
     * @param status       UP, DEGRADED or DOWN
     * @param reasons      every section's reasons
     * @param checkedAt    when it was read
     * @param workflow     the workflow section
     * @param integrations the integrations section
     */
    public record HealthView(String status, List<String> reasons, String checkedAt, WorkflowView workflow,
                             IntegrationsView integrations) {

        /**
         * The view of a health.
         *
         * @param health the health
         * @return the view
         */
        public static HealthView of(Health health) {
            return new HealthView(health.status().name(), redact(health.reasons()), text(health.checkedAt()),
                    WorkflowView.of(health.workflow()), IntegrationsView.of(health.integrations()));
        }
    }

    /**
     * The workflow section.
     *
     * @param status                       its status
     * @param reasons                      its reasons
     * @param queueDepth                   step type → status → count
     * @param oldestDueAgeSeconds          how long the oldest due step has waited, or null
     * @param deadSteps                    how many steps are DEAD
     * @param janitor                      the janitor's last run
     * @param paidWithoutCommissions       invoices with a payment without commission lines
     * @param paidWithoutCommissionsOrStep those of them no repair step covers
     */
    public record WorkflowView(String status, List<String> reasons, Map<String, Map<String, Long>> queueDepth,
                               Long oldestDueAgeSeconds, long deadSteps, JanitorView janitor,
                               long paidWithoutCommissions, long paidWithoutCommissionsOrStep) {

        static WorkflowView of(WorkflowHealth w) {
            Map<String, Map<String, Long>> depth = new LinkedHashMap<>();
            w.queueDepth().forEach((type, byStatus) -> {
                Map<String, Long> counts = new LinkedHashMap<>();
                byStatus.forEach((status, count) -> counts.put(status.name(), count));
                depth.put(type, counts);
            });
            return new WorkflowView(w.status().name(), redact(w.reasons()), depth,
                    w.oldestDueAge().map(age -> age.toSeconds()).orElse(null), w.deadSteps(), JanitorView.of(w.janitor()),
                    w.paidWithoutCommissions(), w.paidWithoutCommissionsOrStep());
        }
    }

    /**
     * The janitor's last run.
     *
     * @param lastRunId    the run's id, or null if it never ran
     * @param lastRunAt    when it finished, or null
     * @param lastRunFound how many broken states it found
     * @param overdue      whether it is overdue
     */
    public record JanitorView(String lastRunId, String lastRunAt, long lastRunFound, boolean overdue) {

        static JanitorView of(JanitorStatus j) {
            return new JanitorView(j.lastRunId().orElse(null), j.lastRunAt().map(Instant::toString).orElse(null),
                    j.lastRunFound(), j.overdue());
        }

        /**
         * The view of a run just made.
         *
         * @param report what the run found
         * @return the view
         */
        public static JanitorView of(JanitorReport report) {
            return new JanitorView(report.runId(), text(report.finishedAt()), report.findings().size(), false);
        }
    }

    /**
     * The integrations section.
     *
     * @param status      its status
     * @param reasons     its reasons
     * @param providers   counts per provider
     * @param connections the connections
     */
    public record IntegrationsView(String status, List<String> reasons, List<ProviderView> providers,
                                   List<ConnectionView> connections) {

        static IntegrationsView of(IntegrationHealth i) {
            return new IntegrationsView(i.status().name(), redact(i.reasons()),
                    i.providers().stream().map(ProviderView::of).toList(),
                    i.connections().stream().map(ConnectionView::of).toList());
        }
    }

    /**
     * One provider's counts.
     *
     * @param provider     the provider
     * @param total        every connection
     * @param connected    CONNECTED ones
     * @param needsReauth  NEEDS_REAUTH ones
     * @param disconnected DISCONNECTED ones
     * @param withError    ones with a last error
     */
    public record ProviderView(String provider, long total, long connected, long needsReauth, long disconnected,
                               long withError) {

        static ProviderView of(ProviderSummary p) {
            return new ProviderView(p.provider().name(), p.total(), p.connected(), p.needsReauth(), p.disconnected(),
                    p.withError());
        }
    }

    /**
     * One connection.
     *
     * @param connectionId   the connection
     * @param ownerUserId    who connected it
     * @param provider       the provider
     * @param maskedAddress  the account, masked ({@code j***@northwind.example})
     * @param status         CONNECTED, NEEDS_REAUTH or DISCONNECTED
     * @param lastErrorCode  the last error's code, or null
     * @param lastError      the last error's reason and redacted message, or null
     * @param lastErrorAt    when it happened, or null
     * @param lastRefreshAt  the last successful token refresh, or null
     * @param tokenExpiresAt when the access token expires, or null
     * @param lastSyncAt     the last mail sync, or null while Break's health carries none
     * @param syncState      the sync's state, or null while Break's health carries none
     * @param updatedAt      when it last changed
     */
    public record ConnectionView(String connectionId, String ownerUserId, String provider, String maskedAddress,
                                 String status, String lastErrorCode, String lastError, String lastErrorAt,
                                 String lastRefreshAt, String tokenExpiresAt, String lastSyncAt, String syncState,
                                 String updatedAt) {

        static ConnectionView of(ConnectionHealth c) {
            return new ConnectionView(c.connectionId(), c.ownerUserId(), c.provider().name(),
                    c.maskedAddress(),
                    c.status().name(), c.lastError().map(e -> e.code()).orElse(null),
                    c.lastError().map(e -> Redaction.redact(e.reason() + ": " + e.message())).orElse(null),
                    c.lastError().map(e -> e.at().toString()).orElse(null), text(c.lastRefreshAt()),
                    text(c.tokenExpiresAt()), null, null, c.updatedAt().toString());
        }
    }

    /**
     * A page of DEAD steps.
     *
     * @param items      the steps, in queuing order
     * @param nextCursor the next page's cursor, or null on the last page
     */
    public record StepPage(List<StepView> items, String nextCursor) {

        /**
         * The view of a page.
         *
         * @param page the page
         * @return the view
         */
        public static StepPage of(Page<WorkStep> page) {
            return new StepPage(page.items().stream().map(StepView::of).toList(), page.nextCursor().orElse(null));
        }
    }

    /**
     * A queued step, without its payload.
     *
     * @param id        the step
     * @param type      its type
     * @param dedupKey  what it is about
     * @param status    where it is
     * @param attempts  how many attempts it had
     * @param lastError the last attempt's redacted error, or null
     * @param updatedAt when it last changed
     */
    public record StepView(String id, String type, String dedupKey, String status, int attempts, String lastError,
                           String updatedAt) {

        /**
         * The view of a step.
         *
         * @param step the step
         * @return the view
         */
        public static StepView of(WorkStep step) {
            return new StepView(step.id(), step.type(), Redaction.redact(step.dedupKey()), step.status().name(),
                    step.attempts(), step.lastError().map(Redaction::redact).orElse(null), step.updatedAt().toString());
        }
    }

    private static List<String> redact(List<String> texts) {
        return texts.stream().map(Redaction::redact).toList();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String text(Optional<Instant> at) {
        return at.map(Instant::toString).orElse(null);
    }
}
