package com.breakagency.adapter.jdbc;

import static com.breakagency.testkit.Fixtures.aBrand;
import static com.breakagency.testkit.Fixtures.aContact;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.crm.Brand;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@link FailureChecks} on PostgreSQL, plus what only a server can show: a connection the server kills in
 * the middle of a unit of work, and look-ups that use the unique indexes.
 */
@PostgresTest
class PostgresFailuresTest extends FailureChecks {

    @Override
    TestDatabase database() {
        return TestDatabase.postgres(PostgresFailuresTest.class);
    }

    @Test
    void a_connection_killed_in_the_middle_of_a_unit_of_work_is_persistence_unavailable_and_nothing_is_kept() {
        JdbcPersistence persistence = database().freshPersistence();
        Brand brand = aBrand();

        BreakException e = assertThrows(BreakException.class, () -> persistence.transactions().inTransaction(() -> {
            persistence.brands().insert(brand);
            long pid = persistence.sql().one("SELECT pg_backend_pid() AS pid", row -> row.longValue("pid"))
                    .orElseThrow();
            assertEquals(List.of("true"), database().strings("SELECT pg_terminate_backend(?, 10000)", (int) pid),
                    "another connection terminated the unit of work's backend");
            persistence.brands().insert(aBrand());
            return null;
        }));

        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, e.code(), e::toString);
        assertEquals("DATABASE_UNREACHABLE", e.reason());
        assertTrue(e.retryable());
        assertEquals(Optional.empty(), persistence.brands().findById(brand.id()), "nothing was half-written");
        for (String domain : brand.domains()) {
            assertEquals(Optional.empty(), persistence.brands().findByDomain(domain));
        }
    }

    @Test
    void look_ups_by_domain_and_by_address_can_use_the_unique_indexes() {
        JdbcPersistence persistence = database().freshPersistence();
        persistence.brands().insert(aBrand());
        persistence.contacts().insert(aContact());
        String schema = persistence.schema();

        List<String> byDomain = plan("SELECT brand_id FROM " + schema + ".brand_domains WHERE domain = 'x.example'");
        List<String> byEmail = plan("SELECT contact_id FROM " + schema + ".contact_emails WHERE email = 'x@example'");

        assertTrue(byDomain.stream().anyMatch(line -> line.contains("brand_domains_domain_uq")), byDomain::toString);
        assertTrue(byEmail.stream().anyMatch(line -> line.contains("contact_emails_email_uq")), byEmail::toString);
    }

    private List<String> plan(String query) {
        return database().planWithoutSequentialScans(query);
    }
}
