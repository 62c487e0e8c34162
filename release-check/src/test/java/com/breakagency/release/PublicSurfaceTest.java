package com.breakagency.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API a host may use is exactly what the README's "API" section lists: for each jar below, the public
 * types of the packages its module exports are the types listed under the jar's artifact. A new public type
 * fails here, named, until it is made package-private, moved to a package the module does not export, or
 * listed. Runs in verify, on the jars the build has just packaged.
 */
class PublicSurfaceTest {

    private static final Path ROOT = Path.of(System.getProperty("break.release.root", "..")).normalize();
    private static final String VERSION = System.getProperty("break.release.version", "0.1.0-SNAPSHOT");
    private static final Path MODULE_PATH = Path.of(System.getProperty("break.release.modulePath", "target/module-path"));
    private static final Path README = ROOT.resolve("README.md");

    @ParameterizedTest(name = "{1}")
    @CsvSource({
            "break-core, break-core, com.breakagency.core",
            "adapter-jdbc, break-adapter-jdbc, com.breakagency.adapter.jdbc",
            "adapter-sentry, break-adapter-sentry, com.breakagency.adapter.sentry"
    })
    void the_public_types_of_the_exported_packages_are_the_documented_list(String folder, String artifactId,
                                                                           String module) {
        Path jar = ROOT.resolve(folder).resolve("target").resolve(artifactId + "-" + VERSION + ".jar");
        assertTrue(Files.isRegularFile(jar), "no " + jar + " (run the build from the root: mvn verify)");
        assertEquals(module, PublicSurface.moduleName(jar));
        assertEquals(Set.of(module), PublicSurface.exportedPackages(jar),
                "the packages " + artifactId + " exports; a host may use every public type in them");

        Set<String> actual = PublicSurface.publicTypes(jar, dependencies());
        Map<String, Set<String>> documented = PublicSurface.documented(PublicSurface.read(README));

        assertTrue(!actual.isEmpty(), "found no public type in " + jar);
        assertEquals(List.of(), PublicSurface.problems(artifactId, actual, documented, "README.md"));
    }

    private static List<Path> dependencies() {
        return new ArrayList<>(PublishedArtifacts.jars(MODULE_PATH));
    }
}
