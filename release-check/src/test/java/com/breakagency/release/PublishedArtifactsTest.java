package com.breakagency.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The artifacts this build publishes are fit for Maven Central and a module path. Runs in the verify phase of
 * the last module of the reactor, so on what every published module has just packaged.
 */
class PublishedArtifactsTest {

    private static final Path ROOT = Path.of(System.getProperty("break.release.root", "..")).normalize();
    private static final String VERSION = System.getProperty("break.release.version", "0.1.0-SNAPSHOT");
    private static final Path MODULE_PATH = Path.of(System.getProperty("break.release.modulePath", "target/module-path"));

    private final PublishedArtifacts artifacts = new PublishedArtifacts(ROOT, VERSION, PublishedArtifacts.PUBLISHED,
            PublishedArtifacts.NOT_PUBLISHED);

    @Test
    void every_published_pom_names_a_licence_a_url_an_scm_and_developers() {
        assertEquals(List.of(), artifacts.metadataProblems());
    }

    @Test
    void every_published_jar_has_its_sources_and_javadoc_jars_and_names_its_java_module() {
        assertEquals(List.of(), artifacts.attachmentProblems());
    }

    @Test
    void examples_benchmarks_and_this_check_are_never_deployed() {
        assertEquals(List.of(), artifacts.deployProblems());
    }

    /** Every published jar with all it brings at run time, on one module path, as a host would put them. */
    @Test
    void the_published_jars_and_their_runtime_dependencies_go_on_a_module_path_under_their_names() {
        List<String> names = PublishedArtifacts.PUBLISHED.stream().map(PublishedArtifacts.Published::moduleName)
                .flatMap(Optional::stream).toList();
        assertEquals(8, names.size());
        assertFalse(PublishedArtifacts.jars(MODULE_PATH).isEmpty(), "no jars in " + MODULE_PATH);

        assertEquals(List.of(), PublishedArtifacts.modulePathProblems(MODULE_PATH, names));
    }
}
