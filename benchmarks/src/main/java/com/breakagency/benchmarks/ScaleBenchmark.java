package com.breakagency.benchmarks;

import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.TotalsQuery;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.finance.Invoice;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads on large books: a million invoices with their deals, payments, commission lines, audit events
 * (one per payment) and repair steps, made directly in SQL ({@link GeneratedBooks}), then each read a host runs timed
 * through Break next to the hand-written SQL that gives the same answer on the same data: the finance
 * totals, the first page of the overdue listing, the first and the 10,000th page of the invoice listing,
 * the diagnostics' health. Each is run untimed at least 3 times and, if cheap, until it ran for 3 s or
 * 2,000 times (so the JIT compiler has seen it), then 9 times timed; the median is reported.
 * Runs by hand ({@code -Dexec.mainClass=com.breakagency.benchmarks.ScaleBenchmark}), never in CI.
 *
 * <p>Options (all optional): {@code --host 127.0.0.1 --port 5432 --user postgres --database break_bench
 * --invoices 1000000 --reuse false} ({@code --reuse true} times the books an earlier run made). Writes what it prints to {@code target/scale-results.md}.
 */
public final class ScaleBenchmark {

    private static final String SCHEMA = "break_scale";
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));
    private static final OperationContext SYSTEM = OperationContext.system();
    private static final LocalDate TODAY = LocalDate.parse("2026-06-01");
    private static final int PAGE = 50;
    private static final int WARM = 3;
    private static final int WARM_MOST = 2_000;
    private static final long WARM_SECONDS = 3;
    private static final int TIMED = 9;
    private static final String COLUMNS = "id, deal_id, brand_id, talent_id, number, lines, total_minor, paid_minor,"
            + " currency, due_date, status, commissions, version, created_at, updated_at";

    private final Map<String, String> options;
    private final StringBuilder out = new StringBuilder();

    private ScaleBenchmark(Map<String, String> options) {
        this.options = options;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options described on the class
     * @throws Exception when the database cannot be reached or a step fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            given.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        new ScaleBenchmark(given).run();
    }

    private String url() {
        return "jdbc:postgresql://" + options.getOrDefault("host", "127.0.0.1") + ":" + options.getOrDefault("port", "5432")
                + "/" + options.getOrDefault("database", "break_bench") + "?user=" + options.getOrDefault("user", "postgres");
    }

    /** One read, through Break and by hand. */
    private interface Timed {
        void run() throws Exception;
    }

    private void run() throws Exception {
        int n = Integer.parseInt(options.getOrDefault("invoices", "1000000"));
        say("# Break scale benchmark, " + Instant.now());
        say("");
        say("- load averages at the start (1, 5, 15 min): " + loadAverages());
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(2);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            boolean reuse = Boolean.parseBoolean(options.getOrDefault("reuse", "false"));
            if (!reuse) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
                }
            }
            JdbcPersistence persistence = JdbcPersistence.builder(pool).schema(SCHEMA).build();
            long start = System.nanoTime();
            if (!reuse) {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    for (String sql : GeneratedBooks.statements(SCHEMA, n, 1)) {
                        s.execute(sql);
                    }
                    s.execute("VACUUM ANALYZE " + SCHEMA + ".invoices");
                    s.execute("CHECKPOINT");
                }
            }
            say(String.format(Locale.ROOT, "- %s in %.1f s: %s", reuse ? "books of an earlier run reused, counted"
                    : "generated in SQL", (System.nanoTime() - start) / 1e9, sizes(pool)));
            say("");
            Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(36_000), ZoneOffset.UTC);
            try (BreakAgency agency = BreakAgency.builder().clock(clock).persistence(persistence).build();
                 Connection hand = pool.getConnection()) {
                String cursor = cursorOfPage(agency, 10_000);
                String lastIdOfPage9999 = lastIdBefore(hand, (10_000 - 1) * PAGE);
                say("| read | Break (ms, median of " + TIMED + ") | hand-written SQL (ms) | Break / SQL |");
                say("|---|---:|---:|---:|");
                double[] totals = row("finance totals (4 figures)",
                        () -> agency.finance().totals(FINANCE, new TotalsQuery(TODAY.minusMonths(1), TODAY)),
                        () -> handTotals(hand));
                double[] overdue = row("overdue invoices, first page",
                        () -> agency.finance().listInvoices(FINANCE, InvoiceQuery.first(PAGE).overdue()),
                        () -> rows(hand, "SELECT " + COLUMNS + " FROM " + SCHEMA + ".invoices WHERE status IN"
                                + " ('ISSUED', 'PARTIALLY_PAID') AND due_date < ? ORDER BY id FETCH FIRST 51 ROWS ONLY", TODAY));
                double[] first = row("invoices, page 1",
                        () -> agency.finance().listInvoices(FINANCE, InvoiceQuery.first(PAGE)),
                        () -> rows(hand, "SELECT " + COLUMNS + " FROM " + SCHEMA + ".invoices ORDER BY id"
                                + " FETCH FIRST 51 ROWS ONLY"));
                double[] tenThousandth = row("invoices, page 10,000",
                        () -> agency.finance().listInvoices(FINANCE, InvoiceQuery.first(PAGE).after(cursor)),
                        () -> rows(hand, "SELECT " + COLUMNS + " FROM " + SCHEMA + ".invoices WHERE id > ? ORDER BY id"
                                + " FETCH FIRST 51 ROWS ONLY", lastIdOfPage9999));
                double[] health = row("diagnostics health",
                        () -> agency.diagnostics().health(SYSTEM),
                        () -> handHealth(hand));
                say("");
                say(String.format(Locale.ROOT, "- page 10,000 / page 1 through Break: %.2f", tenThousandth[0] / first[0]));
                say(String.format(Locale.ROOT, "- totals %.2f, overdue %.2f, health %.2f times the hand-written SQL",
                        totals[0] / totals[1], overdue[0] / overdue[1], health[0] / health[1]));
            }
        }
        say("- load averages at the end (1, 5, 15 min): " + loadAverages());
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "scale-results.md"), out.toString(), StandardCharsets.UTF_8);
    }

    private double[] row(String name, Timed viaBreak, Timed sql) throws Exception {
        double b = median(viaBreak);
        double s = median(sql);
        say(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |", name, b, s, b / s));
        return new double[] {b, s};
    }

    private static double median(Timed read) throws Exception {
        // at least WARM runs, and more for a cheap read until it has run for WARM_SECONDS or WARM_MOST
        // times: a read the JIT compiler has not seen often enough is timed slow, not the query
        long warmUntil = System.nanoTime() + WARM_SECONDS * 1_000_000_000L;
        for (int i = 0; i < WARM || (i < WARM_MOST && System.nanoTime() < warmUntil); i++) {
            read.run();
        }
        double[] ms = new double[TIMED];
        for (int i = 0; i < TIMED; i++) {
            long start = System.nanoTime();
            read.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms[TIMED / 2];
    }

    /** The cursor Break hands out for the given page, found by paging there (untimed). */
    private static String cursorOfPage(BreakAgency agency, int page) {
        Optional<String> cursor = Optional.empty();
        for (int p = 1; p < page; p++) {
            InvoiceQuery query = InvoiceQuery.first(PAGE);
            Page<Invoice> got = agency.finance().listInvoices(FINANCE, cursor.isPresent() ? query.after(cursor.get()) : query);
            cursor = got.nextCursor();
        }
        return cursor.orElseThrow();
    }

    private static String lastIdBefore(Connection c, int offset) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + SCHEMA + ".invoices ORDER BY id OFFSET ? LIMIT 1")) {
            s.setInt(1, offset - 1);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1);
            }
        }
    }

    private static void handTotals(Connection c) throws SQLException {
        String s = SCHEMA + ".";
        rows(c, "SELECT currency, SUM(total_minor - paid_minor) FROM " + s + "invoices WHERE status IN ('ISSUED',"
                + " 'PARTIALLY_PAID') GROUP BY currency");
        rows(c, "SELECT currency, SUM(total_minor - paid_minor) FROM " + s + "invoices WHERE status IN ('ISSUED',"
                + " 'PARTIALLY_PAID') AND due_date < ? GROUP BY currency", TODAY);
        rows(c, "SELECT currency, SUM(amount_minor) FROM " + s + "payments WHERE received_on >= ? AND received_on < ?"
                + " GROUP BY currency", TODAY.minusMonths(1), TODAY);
        rows(c, "SELECT currency, SUM(amount_minor) FROM " + s + "commission_lines WHERE status = 'PENDING_PAYOUT'"
                + " AND beneficiary_kind IN ('AGENT', 'HOUSE') GROUP BY currency");
    }

    private static void handHealth(Connection c) throws SQLException {
        String s = SCHEMA + ".";
        rows(c, "SELECT type, status, COUNT(*) FROM " + s + "work_steps GROUP BY type, status");
        rows(c, "SELECT id FROM " + s + "work_steps WHERE status = 'DEAD' ORDER BY id FETCH FIRST 10 ROWS ONLY");
        rows(c, "SELECT id FROM " + s + "work_steps WHERE status = 'PENDING' AND next_attempt_at <= now()"
                + " ORDER BY next_attempt_at FETCH FIRST 1 ROWS ONLY");
        rows(c, "SELECT id FROM " + s + "audit_events WHERE action = 'JANITOR_RAN' ORDER BY id DESC FETCH FIRST 1 ROWS ONLY");
        rows(c, "SELECT COUNT(DISTINCT p.invoice_id) FROM " + s + "payments p WHERE NOT EXISTS (SELECT 1 FROM " + s
                + "commission_lines l WHERE l.payment_id = p.id)");
    }

    private static int rows(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            int n = 0;
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    n++;
                }
            }
            return n;
        }
    }

    private static String sizes(HikariDataSource pool) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            for (String table : List.of("invoices", "deals", "payments", "commission_lines", "audit_events", "work_steps")) {
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + SCHEMA + "." + table)) {
                    r.next();
                    parts.add(String.format(Locale.ROOT, "%,d %s", r.getLong(1), table.replace('_', ' ')));
                }
            }
        }
        return String.join(", ", parts);
    }

    private static String loadAverages() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private void say(String line) {
        System.out.println(line);
        out.append(line).append('\n');
    }
}
