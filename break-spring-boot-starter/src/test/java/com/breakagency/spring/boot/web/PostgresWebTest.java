package com.breakagency.spring.boot.web;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web contract on PostgreSQL ({@code BREAK_TEST_POSTGRES_URL}, default 127.0.0.1:5432/test), in a schema of
 * its own dropped afterwards. Skipped with a message when the server is down, failing instead when {@code CI=true}.
 */
@SpringBootTest(classes = TestHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "management.endpoints.web.exposure.include=health,metrics",
    "management.endpoint.health.show-details=always"})
class PostgresWebTest extends WebContract {

    private static final String URL = System.getenv().getOrDefault("BREAK_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
    private static final String SCHEMA = "break_web_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        try (Connection connection = DriverManager.getConnection(URL)) {
            connection.isValid(2);
        } catch (SQLException down) {
            String message = "PostgreSQL at " + URL + " cannot be reached (" + down.getSQLState()
                    + "); start it or set BREAK_TEST_POSTGRES_URL to run PostgresWebTest";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true requires the PostgreSQL tests to run. " + message);
            }
            System.out.println("[skipped] " + message);
            Assumptions.abort(message);
        }
        registry.add("spring.datasource.url", () -> URL);
        registry.add("break.jdbc.schema", () -> SCHEMA);
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        } catch (SQLException down) {
            // nothing was created
        }
    }
}
