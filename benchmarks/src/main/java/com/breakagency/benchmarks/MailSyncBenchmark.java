package com.breakagency.benchmarks;

import com.breakagency.adapter.gmail.GmailMailSource;
import com.breakagency.adapter.gmail.GoogleOAuthOptions;
import com.breakagency.adapter.gmail.GoogleOAuthProvider;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.core.MailSyncSettings;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.model.mail.MailSyncStatus;
import com.breakagency.ports.spi.ErrorReporter;
import com.breakagency.testkit.oauth.FakeGmail;
import com.breakagency.testkit.oauth.FakeGoogle;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The Gmail full sync on PostgreSQL against break-testkit's {@code FakeGmail}, with the quota budget scaled
 * up so that the database, not the budget, could be the limit. Two runs: one mailbox of {@code --messages}
 * messages on one instance; then {@code --users} mailboxes of {@code --user-messages} each across two
 * instances (two agencies on separate pools, the same schema). Each run: the schema dropped and migrated
 * anew, every mailbox connected through the fake OAuth server (untimed), then worker threads of each
 * instance run due steps until every connection's sync is ACTIVE; the clock runs from the first step to
 * the last state turning ACTIVE. The fake enforces the same budget per user and window as Break's pacer,
 * so a rejection means Break overspent. Printed and written to {@code benchmarks/target/mail-sync-results.md}.
 *
 * <p>Options: {@code --host 127.0.0.1 --port 5432 --user postgres --database break_bench --messages 10000
 * --users 100 --user-messages 1000 --budget 100000 --window 10 --threads 2}: the budget is units per user per
 * window of that many seconds (100,000 per 10 s is 100 times Google's 6,000 a minute).
 */
public final class MailSyncBenchmark {

    private static final String SCHEMA = "mail_bench";
    private static final OperationContext SYSTEM = OperationContext.system();

    private MailSyncBenchmark() {
    }

    /** What one run measured. */
    private record Result(String name, int users, int instances, long messages, long emails, double seconds,
                          long units, long rejections, int maxConcurrent, double budgetPerSecond) {

        double unitsPerSecond() {
            return units / seconds;
        }

        double ratio() {
            return unitsPerSecond() / budgetPerSecond;
        }

        double emailsPerSecond() {
            return emails / seconds;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("host", "127.0.0.1", "port", "5432", "user", "postgres",
                "database", "break_bench", "messages", "10000", "users", "100", "user-messages", "1000",
                "budget", "100000", "window", "10", "threads", "2"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String server = "jdbc:postgresql://" + options.get("host") + ":" + options.get("port") + "/";
        String url = server + options.get("database") + "?user=" + options.get("user");
        createDatabase(server + "postgres?user=" + options.get("user"), options.get("database"));
        int budget = Integer.parseInt(options.get("budget"));
        Duration window = Duration.ofSeconds(Long.parseLong(options.get("window")));
        int threads = Integer.parseInt(options.get("threads"));

        StringBuilder out = new StringBuilder();
        line(out, "# Break mail sync benchmark, " + Instant.now());
        line(out, "");
        line(out, "java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " processors, budget " + budget + " units per user per " + window.toSeconds() + " s, "
                + threads + " worker thread(s) per instance, batches of 50, pages of 500");
        List<Result> results = new ArrayList<>();
        results.add(run(out, url, "one mailbox, one instance", 1, Integer.parseInt(options.get("messages")), 1,
                budget, window, threads));
        results.add(run(out, url, "100 mailboxes, two instances", Integer.parseInt(options.get("users")),
                Integer.parseInt(options.get("user-messages")), 2, budget, window, threads));
        line(out, "");
        line(out, "## Results");
        line(out, "");
        line(out, "| run | users | instances | emails stored | seconds | units/s | budget units/s | units/s ÷ budget"
                + " | rejections | emails/s | max concurrent requests of one user |");
        line(out, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Result r : results) {
            line(out, String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.0f | %.0f | %.2f | %d | %.0f | %d |",
                    r.name(), r.users(), r.instances(), r.emails(), r.seconds(), r.unitsPerSecond(),
                    r.budgetPerSecond(), r.ratio(), r.rejections(), r.emailsPerSecond(), r.maxConcurrent()));
        }
        Path file = Path.of(System.getProperty("break.benchmarks.results", "target/benchmark-results.md"))
                .toAbsolutePath().resolveSibling("mail-sync-results.md");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString());
        } catch (IOException e) {
            System.out.println("could not write " + file + ": " + e);
        }
    }

    private static void line(StringBuilder out, String text) {
        System.out.println(text);
        out.append(text).append('\n');
    }

    private static Result run(StringBuilder out, String url, String name, int users, int perUser, int instances,
                              int budget, Duration window, int threads) throws Exception {
        line(out, "");
        line(out, "## " + name + ": " + users + " user(s) × " + perUser + " messages");
        resetSchema(url);
        List<HikariDataSource> pools = new ArrayList<>();
        List<BreakAgency> agencies = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        AtomicLong failedSteps = new AtomicLong();
        try (FakeGoogle google = FakeGoogle.start(); FakeGmail gmail = FakeGmail.start(google)) {
            gmail.quota(budget, window);
            MailSyncSettings settings = MailSyncSettings.DEFAULT.withBudget(budget, window);
            for (int i = 0; i < instances; i++) {
                HikariDataSource pool = pool(url, "instance-" + i, threads + 2);
                pools.add(pool);
                JdbcPersistence persistence = JdbcPersistence.builder(pool).schema(SCHEMA).migrateOnStart(i == 0).build();
                agencies.add(agency(persistence, google, gmail, settings, "instance-" + i));
            }
            List<String> addresses = new ArrayList<>();
            List<String> connections = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String address = "user" + u + "@northwind.example";
                addresses.add(address);
                gmail.mailbox(address).addMany(perUser, "Ana <ana@acme.example>");
            }
            // the workers are not running yet: connecting only queues each initial sync
            for (int u = 0; u < users; u++) {
                connections.add(connect(agencies.get(u % instances), google, addresses.get(u), "u-" + u).id());
            }
            long started = System.nanoTime();
            for (BreakAgency agency : agencies) {
                for (int t = 0; t < threads; t++) {
                    Thread worker = new Thread(() -> {
                        while (!stop.get()) {
                            var ran = agency.runDueSteps();
                            failedSteps.addAndGet(ran.failed());
                            if (ran.completed() + ran.failed() == 0) {
                                LockSupport.parkNanos(2_000_000);
                            }
                        }
                    }, "bench-worker");
                    worker.start();
                    workers.add(worker);
                }
            }
            JdbcPersistence reader = JdbcPersistence.builder(pools.get(0)).schema(SCHEMA).migrateOnStart(false).build();
            while (!connections.stream().allMatch(id -> reader.mailSyncStates().find(id)
                    .map(s -> s.status() == MailSyncStatus.ACTIVE).orElse(false))) {
                LockSupport.parkNanos(20_000_000);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            stop.set(true);
            for (Thread worker : workers) {
                worker.join();
            }
            long emails = 0;
            for (String id : connections) {
                emails += reader.emails().count(id);
            }
            long units = 0;
            int maxConcurrent = 0;
            for (String address : addresses) {
                units += gmail.unitsSpent(address);
                maxConcurrent = Math.max(maxConcurrent, gmail.maxConcurrentRequests(address));
            }
            double budgetPerSecond = (double) budget * users / window.toSeconds();
            Result result = new Result(name, users, instances, (long) users * perUser, emails, seconds, units,
                    gmail.rejections(), maxConcurrent, budgetPerSecond);
            line(out, String.format(Locale.ROOT, "elapsed %.3f s; emails stored %d of %d; quota units spent %d"
                            + " (%.0f units/s against a budget of %.0f units/s: %.3f); fake rejections %d; steps failed %d;"
                            + " messages.get calls %d; batches %d, largest %d; max concurrent requests of one user %d",
                    seconds, emails, (long) users * perUser, units, result.unitsPerSecond(), budgetPerSecond,
                    result.ratio(), gmail.rejections(), failedSteps.get(), gmail.calls("messages.get"),
                    gmail.batchSizes().size(), gmail.batchSizes().stream().mapToInt(Integer::intValue).max().orElse(0),
                    maxConcurrent));
            line(out, String.format(Locale.ROOT, "emails stored per second: %.0f", result.emailsPerSecond()));
            return result;
        } finally {
            stop.set(true);
            for (BreakAgency agency : agencies) {
                agency.close();
            }
            for (HikariDataSource pool : pools) {
                pool.close();
            }
        }
    }

    private static BreakAgency agency(JdbcPersistence persistence, FakeGoogle google, FakeGmail gmail,
                                      MailSyncSettings settings, String workerId) {
        byte[] key = new byte[32];
        new Random(5).nextBytes(key);
        GoogleOAuthOptions options = GoogleOAuthOptions.of(FakeGoogle.CLIENT_ID, FakeGoogle.CLIENT_SECRET)
                .withEndpoints(google.authorizationEndpoint(), google.tokenEndpoint(), google.revokeEndpoint());
        return BreakAgency.builder().persistence(persistence).integrations(persistence).errorReporter(ErrorReporter.NOOP)
                .oauthProvider(GoogleOAuthProvider.create(options)).secretKeys("k1", Map.of("k1", key))
                .mailSource(GmailMailSource.create(gmail.rootUrl(), Duration.ofSeconds(30)))
                .mailSyncSettings(settings).workerId(workerId).build();
    }

    private static Connection connect(BreakAgency agency, FakeGoogle google, String address, String userId) {
        OperationContext owner = OperationContext.of(Actor.staff(userId, Role.AGENT));
        AuthorizationStart start = agency.integrations().startConnect(owner,
                StartConnect.of(Provider.GOOGLE, "https://app.northwind.example/cb"));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), address);
        return agency.integrations().completeConnect(owner, CompleteConnect.of(callback.state(), callback.code()));
    }

    private static HikariDataSource pool(String url, String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setPoolName("mail-bench-" + name);
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }

    private static void createDatabase(String adminUrl, String database) throws SQLException {
        try (var connection = DriverManager.getConnection(adminUrl); Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    private static void resetSchema(String url) throws SQLException {
        try (var connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }
}
