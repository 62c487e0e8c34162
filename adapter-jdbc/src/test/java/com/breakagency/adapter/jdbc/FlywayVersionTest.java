package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The migration tests run on the Flyway they are meant for: the managed version in the ordinary run, the
 * lowest supported one in the {@code flyway-lowest} run (the build says which in
 * {@code break.test.flywayVersion}), so a test run never passes on a Flyway other than the one it claims.
 */
class FlywayVersionTest {

    private static final String POM_PROPERTIES = "META-INF/maven/org.flywaydb/flyway-core/pom.properties";

    @Test
    void exactly_one_flyway_is_on_the_class_path_and_it_is_the_version_this_run_tests() throws IOException {
        String expected = System.getProperty("break.test.flywayVersion");
        assertNotNull(expected, "the build sets break.test.flywayVersion");

        List<String> versions = new ArrayList<>();
        for (URL url : Collections.list(Flyway.class.getClassLoader().getResources(POM_PROPERTIES))) {
            Properties properties = new Properties();
            try (InputStream in = url.openStream()) {
                properties.load(in);
            }
            versions.add(properties.getProperty("version"));
        }

        assertEquals(List.of(expected), versions);
    }
}
