package com.breakagency.examples;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.Crm;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.Problem;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditEvent;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.adapter.jdbc.JdbcPersistence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The quick start: a brand, a talent, a deal moved along the pipeline, a move the pipeline refuses,
 * and the audit trail, all through Break's boundary on a real database.
 *
 * <p>With no argument it runs on an embedded H2 file database under {@code examples/target/quickstart},
 * made fresh on every run. Given a PostgreSQL JDBC URL (first argument, or the environment variable
 * {@value #URL_VARIABLE}) it runs there instead, in a schema {@value #POSTGRES_SCHEMA} it drops and makes
 * anew on every run. It hands Break the driver's plain data source to stay small; a production host hands
 * it a connection pool.
 */
public final class QuickStart {

    /** The environment variable that may hold a PostgreSQL JDBC URL. */
    public static final String URL_VARIABLE = "BREAK_QUICKSTART_JDBC_URL";
    /** The system property naming the folder of the H2 file; the examples' pom points it at target/quickstart. */
    public static final String FOLDER_PROPERTY = "break.quickstart.dir";
    /** The schema the quick start uses on PostgreSQL. */
    public static final String POSTGRES_SCHEMA = "break_quickstart";

    private QuickStart() {
    }

    /**
     * Runs the walk-through.
     *
     * @param args nothing for H2, or a {@code jdbc:postgresql:} URL
     */
    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : System.getenv(URL_VARIABLE);
        Storage storage = url == null || url.isBlank() ? Storage.embeddedH2() : Storage.postgres(url.strip());
        JdbcPersistence persistence = JdbcPersistence.builder(storage.dataSource()).schema(storage.schema()).build();
        say("0. Storing everything in %s (dialect %s).", storage.description(), persistence.dialect());
        try (BreakAgency agency = BreakAgency.builder().persistence(persistence).build()) {
            Crm crm = agency.crm();
            OperationContext agent = OperationContext.of(Actor.staff("agent-ana", Role.AGENT));

            Brand brand = crm.createBrand(agent, new CreateBrand("Northwind Coffee", Set.of("Northwind.example"),
                    "agent-ana", Set.of("food")));
            say("1. Created brand '%s' with domain %s.", brand.name(), brand.domains());

            Talent talent = crm.createTalent(agent, new CreateTalent("Maya Lopez", List.of(), null, "agent-ana",
                    null, null));
            say("2. Created talent '%s', managed by %s, paid in %s.", talent.name(),
                    talent.managingAgentId().orElseThrow(), talent.homeCurrency());

            Deal deal = crm.createDeal(agent, new CreateDeal(brand.id(), talent.id(), "agent-ana",
                    "Spring campaign", 1_250_000, "GBP", null));
            say("3. Created deal '%s' worth %s in stage %s.", deal.title(), deal.value(), deal.stage());

            deal = crm.moveDealStage(agent, new MoveDealStage(deal.id(), deal.version(), DealStage.CONTRACT_SIGNED));
            say("4. Moved the deal forward to %s (skipping stages is allowed).", deal.stage());

            try {
                crm.moveDealStage(agent, new MoveDealStage(deal.id(), deal.version(), DealStage.PAYMENT_RECEIVED));
            } catch (BreakException refused) {
                Problem problem = Problem.of(refused, agent);
                say("5. Moving it to PAYMENT_RECEIVED by hand is refused: %s/%s, \"%s\"", problem.code(),
                        problem.reason(), problem.title());
            }

            Optional<Brand> found = crm.findBrandByDomain(agent, "jane@NORTHWIND.example ");
            say("6. An email from jane@NORTHWIND.example belongs to: %s",
                    found.map(Brand::name).orElse("no brand"));

            List<AuditEvent> trail = persistence.auditLog().byEntity(EntityRef.of(EntityType.DEAL, deal.id()),
                    Optional.empty(), 50);
            say("7. The deal's audit trail:");
            for (AuditEvent event : trail) {
                say("   %s by %s %s %s", event.action(), event.actorUserId(), event.actorRoles(), event.changes());
            }
        }
    }

    /** Where the walk-through keeps its data. */
    private record Storage(DataSource dataSource, String schema, String description) {

        /** A new H2 file database: last run's files are deleted first. */
        static Storage embeddedH2() {
            Path folder = Path.of(System.getProperty(FOLDER_PROPERTY, "target/quickstart")).toAbsolutePath();
            try {
                Files.createDirectories(folder);
                Files.deleteIfExists(folder.resolve("break.mv.db"));
                Files.deleteIfExists(folder.resolve("break.trace.db"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot prepare " + folder, e);
            }
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:file:" + folder.resolve("break"));
            return new Storage(h2, JdbcPersistence.DEFAULT_SCHEMA, "an embedded H2 database in " + folder);
        }

        /** A PostgreSQL database, in a schema of the quick start's own, emptied first. */
        static Storage postgres(String url) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("give a jdbc:postgresql: URL, or nothing to run on H2");
            }
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            try (Connection connection = postgres.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("DROP SCHEMA IF EXISTS " + POSTGRES_SCHEMA + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot reach PostgreSQL at the URL given", e);
            }
            return new Storage(postgres, POSTGRES_SCHEMA, "PostgreSQL, schema " + POSTGRES_SCHEMA);
        }
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(format, args));
    }
}
