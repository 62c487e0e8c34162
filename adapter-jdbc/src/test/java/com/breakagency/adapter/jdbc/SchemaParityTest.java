package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each dialect has its own folder of migrations (PostgreSQL needs {@code COLLATE "C"} on ids, H2 cannot
 * say it): both folders hold the same versions, and every version defines the same tables, indexes and
 * constraint names, so the names the stores map to fields exist on both databases.
 */
class SchemaParityTest {

    private static final String ROOT = "com/breakagency/adapter/jdbc/migration/";
    private static final Pattern NAMES = Pattern.compile(
            "(?:CREATE TABLE|CREATE INDEX|CREATE UNIQUE INDEX|CONSTRAINT)\\s+([a-z_][a-z0-9_]*)");

    @Test
    void both_dialects_have_the_same_migrations_defining_the_same_names() throws Exception {
        List<String> postgres = files("postgresql");
        List<String> h2 = files("h2");

        assertEquals(postgres, h2);
        assertFalse(postgres.isEmpty());
        for (String file : postgres) {
            assertEquals(names("postgresql/" + file), names("h2/" + file), file);
        }
    }

    @Test
    void every_unique_key_the_stores_map_is_defined_by_a_migration() throws Exception {
        Set<String> defined = new TreeSet<>();
        for (String file : files("postgresql")) {
            defined.addAll(names("postgresql/" + file));
        }
        for (Map<String, SqlFailures.UniqueKey> keys : List.of(JdbcBrands.UNIQUE_KEYS, JdbcContacts.UNIQUE_KEYS,
                JdbcTalents.UNIQUE_KEYS, JdbcDeals.UNIQUE_KEYS, JdbcActivities.UNIQUE_KEYS, JdbcAuditLog.UNIQUE_KEYS,
                JdbcInvoices.UNIQUE_KEYS, JdbcPayments.UNIQUE_KEYS, JdbcCommissions.UNIQUE_KEYS,
                JdbcCommissionPlans.UNIQUE_KEYS, JdbcIdempotencyKeys.UNIQUE_KEYS, JdbcWorkQueue.UNIQUE_KEYS)) {
            for (String name : keys.keySet()) {
                assertTrue(defined.contains(name), name + " is not defined in " + defined);
            }
        }
    }

    private static List<String> files(String dialect) throws IOException, URISyntaxException {
        URL folder = SchemaParityTest.class.getClassLoader().getResource(ROOT + dialect);
        try (Stream<Path> paths = Files.list(Path.of(folder.toURI()))) {
            return paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sql")).sorted().toList();
        }
    }

    private static Set<String> names(String file) throws IOException {
        try (InputStream in = SchemaParityTest.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Set<String> names = new TreeSet<>();
            Matcher m = NAMES.matcher(sql);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }
    }
}
