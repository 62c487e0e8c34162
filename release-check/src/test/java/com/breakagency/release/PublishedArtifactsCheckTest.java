package com.breakagency.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.release.PublishedArtifacts.Published;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release check fails, naming what is missing, on a small build laid out like Break's in a temporary
 * folder: a parent POM and one jar module, complete at first, then broken one part at a time.
 */
class PublishedArtifactsCheckTest {

    private static final String VERSION = "1.0.0";
    private static final String METADATA = """
              <url>https://example.org/demo</url>
              <licenses><license><name>Apache-2.0</name></license></licenses>
              <developers><developer><name>Demo maintainers</name></developer></developers>
              <scm><connection>scm:git:https://example.org/demo.git</connection><url>https://example.org/demo</url></scm>
            """;

    @TempDir
    Path root;

    @Test
    void a_complete_build_has_no_problems() throws IOException {
        layOut(METADATA, "com.breakagency.demo", true, true, "true");

        PublishedArtifacts check = check();

        assertEquals(List.of(), check.metadataProblems());
        assertEquals(List.of(), check.attachmentProblems());
        assertEquals(List.of(), check.deployProblems());
        assertEquals(List.of(), PublishedArtifacts.modulePathProblems(modulePath(),
                List.of("com.breakagency.demo")));
    }

    @Test
    void a_parent_without_a_licence_fails_for_the_module_that_inherits_it() throws IOException {
        layOut(METADATA.replaceAll("<licenses>.*</licenses>", ""), "com.breakagency.demo", true, true, "true");

        List<String> problems = check().metadataProblems();

        assertEquals(List.of(
                "break-parent: its POM and its parents name no <licenses/license/name> (Maven Central requires licence,"
                        + " url, scm and developers)",
                "break-demo: its POM and its parents name no <licenses/license/name> (Maven Central requires licence,"
                        + " url, scm and developers)"), problems);
    }

    @Test
    void a_build_without_url_scm_or_developers_fails_naming_each() throws IOException {
        layOut("", "com.breakagency.demo", true, true, "true");

        List<String> problems = check().metadataProblems();

        for (String missing : List.of("<url>", "<scm/url>", "<scm/connection>", "<developers/developer/name>")) {
            assertTrue(problems.contains("break-demo: its POM and its parents name no " + missing
                    + " (Maven Central requires licence, url, scm and developers)"), missing + " in " + problems);
        }
    }

    @Test
    void a_missing_sources_or_javadoc_jar_fails() throws IOException {
        layOut(METADATA, "com.breakagency.demo", false, false, "true");

        List<String> problems = check().attachmentProblems();

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("break-demo: no sources jar "), problems.get(0));
        assertTrue(problems.get(1).startsWith("break-demo: no javadoc jar "), problems.get(1));
    }

    @Test
    void a_jar_without_a_module_name_is_refused_by_the_module_path_as_break_jars_were() throws IOException {
        layOut(METADATA, null, true, true, "true");

        List<String> attachments = check().attachmentProblems();
        List<String> modulePath = PublishedArtifacts.modulePathProblems(modulePath(),
                List.of("com.breakagency.demo"));

        assertEquals(List.of("break-demo: Automatic-Module-Name is missing, expected com.breakagency.demo"
                + " (property break.module.name)"), attachments);
        assertEquals(2, modulePath.size(), modulePath.toString());
        assertTrue(modulePath.get(0).contains("--list-modules failed"), modulePath.get(0));
        assertTrue(modulePath.get(0).contains("Invalid module name: 'break' is not a Java identifier"), modulePath.get(0));
    }

    @Test
    void a_module_path_that_lacks_an_expected_module_fails_naming_it() throws IOException {
        layOut(METADATA, "com.breakagency.other", true, true, "true");

        Path modulePath = modulePath();

        assertEquals(List.of("java -p " + modulePath + " --list-modules does not list com.breakagency.demo"),
                PublishedArtifacts.modulePathProblems(modulePath, List.of("com.breakagency.demo")));
    }

    @Test
    void an_unpublished_module_that_would_deploy_fails() throws IOException {
        layOut(METADATA, "com.breakagency.demo", true, true, "false");

        assertEquals(List.of("samples: never published, but its POM does not set maven.deploy.skip to true"),
                check().deployProblems());
    }

    /** A folder holding the demo's jar alone, as the release check's module path holds the published jars. */
    private Path modulePath() throws IOException {
        Path folder = Files.createDirectories(root.resolve("module-path"));
        Files.copy(root.resolve("demo/target/break-demo-1.0.0.jar"), folder.resolve("break-demo-1.0.0.jar"));
        return folder;
    }

    private PublishedArtifacts check() {
        return new PublishedArtifacts(root, VERSION, List.of(Published.pom(".", "break-parent"),
                Published.jar("demo", "break-demo", "com.breakagency.demo")), List.of("samples"));
    }

    /** A parent POM with the given metadata, a jar module {@code demo} and an unpublished module {@code samples}. */
    private void layOut(String metadata, String moduleName, boolean sources, boolean javadoc, String samplesSkipDeploy)
            throws IOException {
        Files.writeString(root.resolve("pom.xml"), """
                <project>
                  <groupId>com.breakagency</groupId>
                  <artifactId>break-parent</artifactId>
                  <version>1.0.0</version>
                %s
                  <modules><module>demo</module><module>samples</module></modules>
                </project>
                """.formatted(metadata));
        String demoPom = """
                <project>
                  <parent><groupId>com.breakagency</groupId><artifactId>break-parent</artifactId><version>1.0.0</version></parent>
                  <artifactId>break-demo</artifactId>
                </project>
                """;
        Path target = Files.createDirectories(root.resolve("demo/target"));
        Files.writeString(root.resolve("demo/pom.xml"), demoPom);
        jar(target.resolve("break-demo-1.0.0.jar"), moduleName, demoPom);
        if (sources) {
            jar(target.resolve("break-demo-1.0.0-sources.jar"), null, null);
        }
        if (javadoc) {
            jar(target.resolve("break-demo-1.0.0-javadoc.jar"), null, null);
        }
        Files.createDirectories(root.resolve("samples"));
        Files.writeString(root.resolve("samples/pom.xml"), """
                <project>
                  <artifactId>break-samples</artifactId>
                  <properties><maven.deploy.skip>%s</maven.deploy.skip></properties>
                </project>
                """.formatted(samplesSkipDeploy));
    }

    private static void jar(Path file, String moduleName, String pom) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (moduleName != null) {
            manifest.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("com/breakagency/demo/readme.txt"));
            jar.write("demo".getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            if (pom != null) {
                jar.putNextEntry(new JarEntry("META-INF/maven/com.breakagency/break-demo/pom.xml"));
                jar.write(pom.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }
}
