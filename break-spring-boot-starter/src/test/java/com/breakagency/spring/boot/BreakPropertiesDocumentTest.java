package com.breakagency.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataProperty;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepository;
import org.springframework.boot.configurationmetadata.ConfigurationMetadataRepositoryJsonBuilder;

/**
 * The README's property table is the configuration metadata the build generated: the same properties, and
 * each default shown as the metadata has it (a property without a default in the metadata shows none in
 * backticks).
 */
class BreakPropertiesDocumentTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(break\\.[a-z.-]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void the_readme_table_lists_every_property_with_the_metadatas_default() throws Exception {
        Map<String, String> metadata = new TreeMap<>();
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(json).as("the build generated the metadata").isNotNull();
            ConfigurationMetadataRepository repository = ConfigurationMetadataRepositoryJsonBuilder
                    .create(StandardCharsets.UTF_8).withJsonResource(json).build();
            for (ConfigurationMetadataProperty property : repository.getAllProperties().values()) {
                Object value = property.getDefaultValue();
                metadata.put(property.getId(), value == null ? null : String.valueOf(value));
            }
        }
        assertThat(metadata).hasSizeGreaterThan(20).containsKey("break.worker.enabled");

        Path readme = Path.of(System.getProperty("break.readme", "../README.md"));
        String all = Files.readString(readme);
        int start = all.indexOf("| property | default | meaning |");
        assertThat(start).as("the README's property table").isPositive();
        int end = all.indexOf("\n\n", start);
        String text = all.substring(start, end < 0 ? all.length() : end);
        Map<String, String> documented = new TreeMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            String cell = row.group(2).strip();
            Matcher code = Pattern.compile("^`([^`]*)`$").matcher(cell);
            documented.put(row.group(1), code.matches() ? code.group(1) : null);
        }

        assertThat(documented.keySet()).isEqualTo(metadata.keySet());
        for (String name : List.copyOf(metadata.keySet())) {
            assertThat(documented.get(name)).as(name).isEqualTo(metadata.get(name));
        }
    }
}
