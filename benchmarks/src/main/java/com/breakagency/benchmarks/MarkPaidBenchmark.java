package com.breakagency.benchmarks;

import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionState;
import com.breakagency.ports.model.finance.Invoice;
import com.breakagency.ports.model.finance.InvoiceLine;
import com.breakagency.ports.model.finance.InvoiceStatus;
import com.breakagency.ports.model.finance.PaymentSource;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mark-paid throughput on PostgreSQL, measured in the same run as PostgreSQL's own {@code pgbench} against
 * the same server at the same client counts.
 *
 * <p>For each client count: a fresh set of issued invoices is stored before anything is timed (one per
 * call; each for a talent with a managing agent, so every call allocates the agency's three-way split);
 * then that many threads, each on its own pooled connection, call {@code markInvoicePaid} back to back,
 * first for the warm-up, then for the measured duration; only calls that finish inside the measured window
 * count. Then {@code pgbench} runs its built-in TPC-B-like script with as many clients and threads, a
 * warm-up run first, then a measured run of the same duration. Server counters (commits, WAL records and
 * syncs) and who used the CPU (this JVM, PostgreSQL, other processes, from {@code /proc}) are read before
 * and after each measured run. Before each run the invoices just loaded are vacuumed and analyzed, the
 * server takes a checkpoint, and the benchmark waits until other processes leave the machine alone; a
 * run that other processes disturbed anyway (more than 5% of the CPU) is measured again, at most three
 * times. A last, untimed pass counts the statements, round trips and commits of one mark-paid.
 *
 * <p>Options (all optional): {@code --host 127.0.0.1 --port 5432 --user postgres --database break_bench
 * --clients 1,4,16 --warmup 10 --duration 20 --scale 16 --pgbench /usr/bin/pgbench --no-pgbench}. The
 * database is created when missing; Break's tables live in its schema {@value #SCHEMA}, dropped and made
 * anew on every run, and {@code pgbench -i} re-creates its own tables in {@code public}. The results are
 * printed and written to {@code benchmarks/target/benchmark-results.md}. See {@code BENCHMARKS.md} at the repository
 * root.
 */
public final class MarkPaidBenchmark {

    /** The schema Break's tables live in during the benchmark. */
    public static final String SCHEMA = "break_bench";
    /** The system property naming the results file; the module's pom points it at its target folder. */
    public static final String RESULTS_PROPERTY = "break.benchmarks.results";

    private static final OperationContext AGENT = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));
    private static final OperationContext FINANCE = OperationContext.of(Actor.staff("finance-fay", Role.FINANCE));
    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final int PREPARE_BATCH = 1_000;
    private static final int COUNTING_CALLS = 200;
    private static final int ATTEMPTS = Integer.getInteger("bench.attempts", 3);
    /** Other processes using more than this per mille of the machine's CPU disturb a measurement. */
    private static final long DISTURBED_PER_MILLE = 50;
    /** The longest wait for quiet, in minutes; {@code -Dbench.quietWaitMinutes=N} shortens it on a busy shared machine. */
    private static final long QUIET_WAIT_MINUTES = Long.getLong("bench.quietWaitMinutes", 10);

    private final Options options;
    private final StringBuilder report = new StringBuilder();
    private final AtomicLong ids = new AtomicLong();

    private MarkPaidBenchmark(Options options) {
        this.options = options;
    }

    /**
     * Runs the benchmark.
     *
     * @param args the options described on the class
     * @throws Exception when the database or pgbench fails
     */
    public static void main(String[] args) throws Exception {
        new MarkPaidBenchmark(Options.parse(args)).run();
    }

    /** What the command line may set. */
    private record Options(String host, int port, String user, String database, List<Integer> clients,
                           int warmupSeconds, int durationSeconds, int scale, String pgbench, boolean runPgbench) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            boolean runPgbench = true;
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--no-pgbench")) {
                    runPgbench = false;
                } else if (args[i].startsWith("--") && i + 1 < args.length) {
                    given.put(args[i].substring(2), args[++i]);
                } else {
                    throw new IllegalArgumentException("unknown argument " + args[i]);
                }
            }
            List<Integer> clients = Arrays.stream(given.getOrDefault("clients", "1,4,16").split(","))
                    .map(String::strip).map(Integer::parseInt).toList();
            return new Options(given.getOrDefault("host", "127.0.0.1"),
                    Integer.parseInt(given.getOrDefault("port", "5432")), given.getOrDefault("user", "postgres"),
                    given.getOrDefault("database", "break_bench"), clients,
                    Integer.parseInt(given.getOrDefault("warmup", "10")),
                    Integer.parseInt(given.getOrDefault("duration", "20")),
                    Integer.parseInt(given.getOrDefault("scale", "16")), given.getOrDefault("pgbench", "/usr/bin/pgbench"),
                    runPgbench);
        }

        String url(String db) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + db + "?user=" + user;
        }
    }

    /** One client count's outcome. */
    private record Level(int clients, long calls, double tps, long failures, double p50Millis, double p95Millis,
                         double p99Millis, Map<String, Long> serverDelta, Optional<Double> pgbenchTps,
                         Map<String, Long> pgbenchDelta, String pgbenchOutput) {
    }

    private void run() throws Exception {
        ensureDatabase();
        say("# Break mark-paid benchmark, " + Instant.now());
        say("");
        say("## Machine and server");
        say("");
        for (Map.Entry<String, String> fact : facts().entrySet()) {
            say("- " + fact.getKey() + ": " + fact.getValue());
        }
        say("- Break: warm-up " + options.warmupSeconds() + " s, then " + options.durationSeconds()
                + " s measured per client count; one pooled connection per client (HikariCP, pool size = clients)");
        say("- load averages at the start (1, 5, 15 min, from /proc/loadavg as uptime shows them): " + loadAverages());
        say("");
        if (options.runPgbench()) {
            say("## pgbench -i");
            say("");
            String init = pgbench(List.of("-i", "-s", Integer.toString(options.scale())));
            say("```");
            say(init.strip());
            say("```");
            say("");
        }
        execute(options.url(options.database()), "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        // Flyway holds two connections while it migrates, so migrate once on a pool of two, not per level
        try (HikariDataSource migrating = pool("break-bench-migrate", 2)) {
            JdbcPersistence.builder(migrating).schema(SCHEMA).build();
        }

        List<Level> levels = new ArrayList<>();
        for (int clients : options.clients()) {
            levels.add(level(clients));
        }
        Map<String, Double> perCall = countStatements();
        say("- load averages at the end (1, 5, 15 min): " + loadAverages());
        say("");

        say("## Results");
        say("");
        say("| clients | Break mark-paid tps | pgbench TPC-B tps | Break / pgbench | Break p50 / p95 / p99 ms |"
                + " Break failed calls |");
        say("|---:|---:|---:|---:|---:|---:|");
        for (Level l : levels) {
            say(String.format(Locale.ROOT, "| %d | %.1f | %s | %s | %.1f / %.1f / %.1f | %d |", l.clients(), l.tps(),
                    l.pgbenchTps().map(t -> String.format(Locale.ROOT, "%.1f", t)).orElse("-"),
                    l.pgbenchTps().map(t -> String.format(Locale.ROOT, "%.3f", l.tps() / t)).orElse("-"),
                    l.p50Millis(), l.p95Millis(), l.p99Millis(), l.failures()));
        }
        say("");
        say("## Server counters per transaction (deltas over each measured run)");
        say("");
        say("| clients | run | commits | WAL records / commit | WAL bytes / commit | WAL syncs / commit |"
                + " CPU busy | Break's JVM | PostgreSQL | kernel threads | other processes | I/O wait | stolen |");
        say("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Level l : levels) {
            say(counterRow(l.clients(), "Break", l.serverDelta()));
            if (l.pgbenchTps().isPresent()) {
                say(counterRow(l.clients(), "pgbench", l.pgbenchDelta()));
            }
        }
        say("");
        say("## One mark-paid, counted (" + COUNTING_CALLS + " calls, one client, untimed)");
        say("");
        perCall.forEach((what, n) -> say(String.format(Locale.ROOT, "- %s: %.2f", what, n)));
        say("");
        if (options.runPgbench()) {
            say("## pgbench output");
            for (Level l : levels) {
                say("");
                say("### " + l.clients() + " client(s)");
                say("");
                say("```");
                say(l.pgbenchOutput().strip());
                say("```");
            }
        }
        Path out = Path.of(System.getProperty(RESULTS_PROPERTY, "target/benchmark-results.md"));
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private static String counterRow(int clients, String run, Map<String, Long> delta) {
        double commits = Math.max(1, delta.getOrDefault("xact_commit", 0L));
        boolean pgbench = run.equals("pgbench");
        return String.format(Locale.ROOT, "| %d | %s | %d | %.1f | %.0f | %.2f | %s | %s | %s | %s | %s | %s | %s |",
                clients, run, delta.getOrDefault("xact_commit", 0L), delta.getOrDefault("wal_records", 0L) / commits,
                delta.getOrDefault("wal_bytes", 0L) / commits, delta.getOrDefault("wal_sync", 0L) / commits,
                percent(delta, "cpu.busy"), pgbench ? "-" : percent(delta, "cpu.jvm"),
                pgbench ? "-" : percent(delta, "cpu.postgres"), percent(delta, "cpu.kernel"), percent(delta, "cpu.others"),
                percent(delta, "cpu.iowait"), percent(delta, "cpu.steal"));
    }

    private static String percent(Map<String, Long> delta, String key) {
        Long perMille = delta.get(key);
        return perMille == null ? "?" : String.format(Locale.ROOT, "%.0f%%", perMille / 10.0);
    }

    // ---- one client count ----------------------------------------------------------------------------

    private Level level(int clients) throws Exception {
        say("## " + clients + " client(s)");
        say("");
        try (HikariDataSource pool = pool("break-bench-" + clients, clients)) {
            JdbcPersistence persistence = JdbcPersistence.builder(pool).schema(SCHEMA).migrateOnStart(false).build();
            try (BreakAgency agency = BreakAgency.builder().persistence(persistence).build()) {
                Reference ref = referenceData(agency);
                Measured m = null;
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    int invoices = invoicesFor(clients);
                    long prepareStart = System.nanoTime();
                    Queue<String> ready = prepare(persistence, ref, invoices, clients);
                    settle();
                    say(String.format(Locale.ROOT, "- prepared %d issued invoices in %.1f s (stored through the"
                            + " JDBC stores, untimed), then VACUUM ANALYZE and CHECKPOINT", invoices,
                            (System.nanoTime() - prepareStart) / 1e9));
                    awaitQuiet();
                    m = markPaid(agency, ready, clients);
                    long stored = count(options.url(options.database()), "SELECT COUNT(*) FROM " + SCHEMA + ".payments");
                    say(String.format(Locale.ROOT, "- Break: %d calls in the measured %d s = %.1f tps; %d calls in"
                                    + " all (warm-up included), %d failed; payments stored so far: %d; invoices left:"
                                    + " %d; other processes used %s of the CPU",
                            m.calls(), options.durationSeconds(), m.calls() / (double) options.durationSeconds(),
                            m.allCalls(), m.failures(), stored, ready.size(), percent(m.serverDelta(), "cpu.others")));
                    if (ready.isEmpty()) {
                        throw new IllegalStateException("the prepared invoices ran out before the measured window"
                                + " ended; raise the number prepared per client count");
                    }
                    if (!disturbed(m.serverDelta())) {
                        break;
                    }
                    say("- disturbed by other processes" + (attempt < ATTEMPTS ? "; measuring again" : "; kept"));
                }
                Optional<Double> pgTps = Optional.empty();
                Map<String, Long> pgDelta = Map.of();
                String pgOutput = "";
                if (options.runPgbench()) {
                    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                        execute(options.url(options.database()), "CHECKPOINT");
                        awaitQuiet();
                        pgbench(List.of("-c", Integer.toString(clients), "-j", Integer.toString(clients), "-T",
                                Integer.toString(options.warmupSeconds()), "-M", "prepared"));
                        Map<String, Long> before = serverCounters();
                        CpuSample cpuBefore = CpuSample.take();
                        pgOutput = pgbench(List.of("-c", Integer.toString(clients), "-j", Integer.toString(clients),
                                "-T", Integer.toString(options.durationSeconds()), "-M", "prepared"));
                        CpuSample cpuAfter = CpuSample.take();
                        Map<String, Long> delta = delta(before, serverCounters());
                        cpuBefore.sharesUntil(cpuAfter).forEach((k, v) -> delta.put("cpu." + k, v));
                        say("- busiest other processes: " + cpuBefore.busiestOthers(cpuAfter, 4));
                        pgDelta = delta;
                        Matcher tps = PGBENCH_TPS.matcher(pgOutput);
                        if (!tps.find()) {
                            throw new IllegalStateException("pgbench printed no tps:\n" + pgOutput);
                        }
                        pgTps = Optional.of(Double.parseDouble(tps.group(1)));
                        say(String.format(Locale.ROOT, "- pgbench: %.1f tps; other processes used %s of the CPU",
                                pgTps.get(), percent(delta, "cpu.others")));
                        if (!disturbed(delta)) {
                            break;
                        }
                        say("- disturbed by other processes" + (attempt < ATTEMPTS ? "; measuring again" : "; kept"));
                    }
                }
                say("");
                return new Level(clients, m.calls(), m.calls() / (double) options.durationSeconds(), m.failures(),
                        m.percentile(0.50), m.percentile(0.95), m.percentile(0.99), m.serverDelta(), pgTps, pgDelta,
                        pgOutput);
            }
        }
    }

    /** Whether processes other than Break's JVM, PostgreSQL and pgbench used a noticeable share of the CPU. */
    private static boolean disturbed(Map<String, Long> delta) {
        return delta.getOrDefault("cpu.others", 0L) > DISTURBED_PER_MILLE;
    }

    /**
     * Waits, up to {@value #QUIET_WAIT_MINUTES} minutes, until other processes leave the machine alone for a
     * two-second sample (another build on a shared machine would distort what is measured).
     */
    private void awaitQuiet() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(QUIET_WAIT_MINUTES);
        long waitedFrom = System.nanoTime();
        while (true) {
            CpuSample before = CpuSample.take();
            TimeUnit.SECONDS.sleep(2);
            long others = before.sharesUntil(CpuSample.take()).getOrDefault("others", 0L);
            if (others <= DISTURBED_PER_MILLE || System.nanoTime() > deadline) {
                long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - waitedFrom) - 2;
                if (waited > 0) {
                    say(String.format(Locale.ROOT, "- waited %d s for other processes to quieten (now %.0f%%)",
                            waited, others / 10.0));
                }
                return;
            }
        }
    }

    /** After bulk loading: fresh statistics, no dead rows for autovacuum to chase, and a checkpoint behind us. */
    private void settle() throws SQLException {
        String url = options.url(options.database());
        execute(url, "VACUUM ANALYZE " + SCHEMA + ".deals, " + SCHEMA + ".invoices, " + SCHEMA + ".invoice_numbers");
        execute(url, "CHECKPOINT");
    }

    /** Prepared invoices per client count: comfortably more than the calls the warm-up and measured window take. */
    private int invoicesFor(int clients) {
        int perSecond = clients == 1 ? 1_000 : clients <= 4 ? 2_000 : 3_000;
        return perSecond * (options.warmupSeconds() + options.durationSeconds()) * 3 / 2;
    }

    /** The brand and the talent every invoice bills. */
    private record Reference(Brand brand, Talent talent) {
    }

    /** The brand and the talent every invoice bills, made through Break's boundary once per client count. */
    private Reference referenceData(BreakAgency agency) {
        String suffix = Long.toString(ids.incrementAndGet());
        Brand brand = agency.crm().createBrand(AGENT, CreateBrand.of("Northwind Coffee " + suffix, "agent-ana").withDomains("northwind-" + suffix + ".example"));
        Talent talent = agency.crm().createTalent(AGENT, CreateTalent.named("Maya Lopez").managedBy("agent-ana"));
        return new Reference(brand, talent);
    }

    /**
     * Stores deals in PAYMENT_PENDING and their invoices as issuing leaves them (numbered from the invoice
     * counter, due in 30 days), in transactions of {@value #PREPARE_BATCH}, on as many threads as clients:
     * what moving each deal and issuing its invoice through Break would store, without the hours it would
     * take. Returns the invoice ids in a shuffled order.
     */
    private Queue<String> prepare(JdbcPersistence persistence, Reference ref, int count, int threads) throws Exception {
        Instant now = Instant.now();
        LocalDate due = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, 4)));
        try {
            List<Future<List<String>>> batches = new ArrayList<>();
            for (int from = 0; from < count; from += PREPARE_BATCH) {
                int size = Math.min(PREPARE_BATCH, count - from);
                batches.add(pool.submit(() -> persistence.transactions().inTransaction(() -> {
                    List<String> made = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        long n = ids.incrementAndGet();
                        Money value = Money.of(100_000 + 37 * (n % 1_000), "GBP");
                        Deal deal = new Deal(String.format(Locale.ROOT, "bench-deal-%012d", n), ref.brand().id(),
                                ref.talent().id(), "agent-ana", "Campaign " + n, value, DealStage.PAYMENT_PENDING,
                                Optional.empty(), 2, now, now);
                        persistence.deals().insert(deal);
                        Invoice invoice = new Invoice(String.format(Locale.ROOT, "bench-invoice-%012d", n), deal.id(),
                                deal.brandId(), deal.talentId(),
                                Optional.of(persistence.invoices().nextNumber()),
                                List.of(new InvoiceLine(deal.title(), value)), value, Money.zero(value.currency()),
                                Optional.of(due), InvoiceStatus.ISSUED, CommissionState.NONE, 2, now, now);
                        persistence.invoices().insert(invoice);
                        made.add(invoice.id());
                    }
                    return made;
                })));
            }
            List<String> all = new ArrayList<>(count);
            for (Future<List<String>> batch : batches) {
                all.addAll(batch.get(10, TimeUnit.MINUTES));
            }
            java.util.Collections.shuffle(all, new java.util.Random(42));
            return new ConcurrentLinkedQueue<>(all);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one client count's timed run gave. */
    private record Measured(long calls, long allCalls, long failures, long[] latencyNanos,
                            Map<String, Long> serverDelta) {
        double percentile(double p) {
            if (latencyNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.min(latencyNanos.length - 1, Math.ceil(p * latencyNanos.length) - 1);
            return latencyNanos[Math.max(0, index)] / 1e6;
        }
    }

    /**
     * {@code clients} threads mark invoices paid back to back: the warm-up, then the measured window, in one
     * continuous run. A call counts when it finishes inside the window.
     */
    private Measured markPaid(BreakAgency agency, Queue<String> ready, int clients) throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        long startAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long windowStart = startAt + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
        long windowEnd = windowStart + TimeUnit.SECONDS.toNanos(options.durationSeconds());
        LongAdder all = new LongAdder();
        LongAdder failures = new LongAdder();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        Map<String, Long> before = null;
        try {
            List<Future<long[]>> workers = new ArrayList<>();
            for (int t = 0; t < clients; t++) {
                workers.add(threads.submit(() -> {
                    long[] latencies = new long[1024];
                    int n = 0;
                    while (System.nanoTime() < startAt) {
                        Thread.onSpinWait();
                    }
                    for (String id = ready.poll(); id != null; id = ready.poll()) {
                        long t0 = System.nanoTime();
                        try {
                            PaymentResult r = agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(id, today,
                                    "bank-" + id, "pay-" + id, PaymentSource.BANK_FEED));
                            if (r.replayed() || r.lines().size() != 3) {
                                throw new IllegalStateException("a fresh invoice was not paid with three lines");
                            }
                        } catch (BreakException e) {
                            failures.increment();
                        }
                        long t1 = System.nanoTime();
                        all.increment();
                        if (t1 >= windowStart && t1 < windowEnd) {
                            if (n == latencies.length) {
                                latencies = Arrays.copyOf(latencies, n * 2);
                            }
                            latencies[n++] = t1 - t0;
                        }
                        if (t1 >= windowEnd) {
                            break;
                        }
                    }
                    return Arrays.copyOf(latencies, n);
                }));
            }
            while (System.nanoTime() < windowStart) {
                TimeUnit.MILLISECONDS.sleep(Math.max(1, (windowStart - System.nanoTime()) / 1_000_000));
            }
            before = serverCounters();
            CpuSample cpuBefore = CpuSample.take();
            while (System.nanoTime() < windowEnd) {
                TimeUnit.MILLISECONDS.sleep(Math.max(1, (windowEnd - System.nanoTime()) / 1_000_000));
            }
            CpuSample cpuAfter = CpuSample.take();
            Map<String, Long> after = serverCounters();
            List<long[]> perThread = new ArrayList<>();
            for (Future<long[]> worker : workers) {
                perThread.add(worker.get(5, TimeUnit.MINUTES));
            }
            long[] latencies = perThread.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            Map<String, Long> delta = delta(before, after);
            cpuBefore.sharesUntil(cpuAfter).forEach((k, v) -> delta.put("cpu." + k, v));
            say("- busiest other processes: " + cpuBefore.busiestOthers(cpuAfter, 4));
            return new Measured(latencies.length, all.sum(), failures.sum(), latencies, delta);
        } finally {
            threads.shutdownNow();
        }
    }

    // ---- counting one call ----------------------------------------------------------------------------

    /** Statements, round trips and commits of one mark-paid, averaged over untimed calls on one client. */
    private Map<String, Double> countStatements() throws Exception {
        Map<String, Double> perCall = new LinkedHashMap<>();
        try (HikariDataSource pool = pool("break-bench-count", 1)) {
            JdbcPersistence plain = JdbcPersistence.builder(pool).schema(SCHEMA).migrateOnStart(false).build();
            BreakAgency setup = BreakAgency.builder().persistence(plain).build();
            Reference ref = referenceData(setup);
            Queue<String> ready = prepare(plain, ref, COUNTING_CALLS, 1);
            StatementCounter counter = new StatementCounter(pool);
            JdbcPersistence counted = JdbcPersistence.builder(counter).schema(SCHEMA).migrateOnStart(false)
                    .dialect(com.breakagency.adapter.jdbc.Dialect.POSTGRESQL).build();
            try (BreakAgency agency = BreakAgency.builder().persistence(counted).build()) {
                LocalDate today = LocalDate.now(ZoneOffset.UTC);
                for (String id = ready.poll(); id != null; id = ready.poll()) {
                    agency.finance().markInvoicePaid(FINANCE, new MarkInvoicePaid(id, today, "bank-" + id, "pay-" + id,
                            PaymentSource.BANK_FEED));
                }
            }
            setup.close();
            double calls = COUNTING_CALLS;
            perCall.put("statements executed (round trips, a batch counted once)", counter.executes.sum() / calls);
            perCall.put("rows sent in batches", counter.batchedRows.sum() / calls);
            perCall.put("commits (round trips)", counter.commits.sum() / calls);
            perCall.put("rollbacks", counter.rollbacks.sum() / calls);
            counter.byKind().forEach((kind, n) -> perCall.put("  " + kind, n / calls));
        }
        return perCall;
    }

    // ---- the server ---------------------------------------------------------------------------------

    private HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(options.url(options.database()));
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        return new HikariDataSource(config);
    }

    /** Creates the benchmark's database when it is missing. */
    private void ensureDatabase() throws SQLException {
        String admin = options.url("postgres");
        long exists = count(admin, "SELECT COUNT(*) FROM pg_database WHERE datname = '" + options.database() + "'");
        if (exists == 0) {
            execute(admin, "CREATE DATABASE " + options.database());
        }
    }

    /** The machine and the server settings that decide what a commit costs. */
    private Map<String, String> facts() throws SQLException, IOException {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("CPU", cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores visible to the JVM");
        facts.put("memory", memory());
        facts.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        facts.put("JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        try (Connection c = DriverManager.getConnection(options.url(options.database()));
             Statement s = c.createStatement()) {
            facts.put("PostgreSQL", one(s, "SELECT version()"));
            for (String setting : List.of("fsync", "synchronous_commit", "wal_sync_method", "full_page_writes",
                    "commit_delay", "shared_buffers", "max_connections", "wal_level", "default_transaction_isolation")) {
                facts.put(setting, one(s, "SHOW " + setting));
            }
        }
        facts.put("server", options.host() + ":" + options.port() + ", database " + options.database()
                + " (the client and the server share the machine)");
        return facts;
    }

    /** The machine's load averages over 1, 5 and 15 minutes, as {@code uptime} prints them. */
    private static String loadAverages() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
        return parts[0] + ", " + parts[1] + ", " + parts[2];
    }

    private static String cpuModel() throws IOException {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.exists(cpuinfo)) {
            return "unknown CPU";
        }
        return Files.readAllLines(cpuinfo).stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String memory() throws IOException {
        Path meminfo = Path.of("/proc/meminfo");
        if (!Files.exists(meminfo)) {
            return "unknown";
        }
        return Files.readAllLines(meminfo).stream().filter(l -> l.startsWith("MemTotal"))
                .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0))
                .findFirst().orElse("unknown");
    }

    /** Commits, WAL records, bytes, writes and syncs so far: the server's own counters. */
    private Map<String, Long> serverCounters() throws SQLException {
        Map<String, Long> counters = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(options.url(options.database()));
             Statement s = c.createStatement()) {
            try (ResultSet r = s.executeQuery("SELECT xact_commit, xact_rollback FROM pg_stat_database"
                    + " WHERE datname = current_database()")) {
                r.next();
                counters.put("xact_commit", r.getLong(1));
                counters.put("xact_rollback", r.getLong(2));
            }
            try (ResultSet r = s.executeQuery("SELECT wal_records, wal_bytes, wal_write, wal_sync FROM pg_stat_wal")) {
                r.next();
                counters.put("wal_records", r.getLong(1));
                counters.put("wal_bytes", r.getLong(2));
                counters.put("wal_write", r.getLong(3));
                counters.put("wal_sync", r.getLong(4));
            }
        }
        return counters;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return delta;
    }

    /** Runs pgbench against the benchmark's database and returns what it printed. */
    private String pgbench(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(options.pgbench(), "-h", options.host(), "-p",
                Integer.toString(options.port()), "-U", options.user()));
        command.addAll(args);
        command.add(options.database());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(Duration.ofMinutes(10).toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("pgbench failed: " + String.join(" ", command) + "\n" + output);
        }
        return "$ " + String.join(" ", command) + "\n" + output;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String one(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
    }

    private void say(String line) {
        System.out.println(line);
        report.append(line).append('\n');
    }
}
