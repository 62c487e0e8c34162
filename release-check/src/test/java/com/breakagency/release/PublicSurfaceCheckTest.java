package com.breakagency.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The surface check on a small jar compiled here: a module that exports one package holding a public type,
 * a public nested type, a private nested type and a package-private type, and does not export a package
 * that holds a public type. Only the first two are its surface, and a document that lists anything else
 * fails, naming the type.
 */
class PublicSurfaceCheckTest {

    private static final String DOCUMENT = """
            # Demo

            ## API

            ### demo-lib

            - `demo.api.Api` — the entry
            - `demo.api.Api.Options` — its options

            ## Next section

            - `demo.api.NotCounted` — outside the API section
            """;

    @TempDir
    Path dir;

    @Test
    void the_surface_of_a_named_module_is_the_public_types_of_its_exported_packages() throws IOException {
        Path jar = compileAndJar(true);

        assertEquals("com.example.demo", PublicSurface.moduleName(jar));
        assertEquals(Set.of("demo.api"), PublicSurface.exportedPackages(jar));
        assertEquals(Set.of("demo.api.Api", "demo.api.Api.Options"), PublicSurface.publicTypes(jar, List.of()));
    }

    @Test
    void every_package_of_an_automatic_module_is_exported() throws IOException {
        Path jar = compileAndJar(false);

        assertEquals("com.example.demo", PublicSurface.moduleName(jar));
        assertEquals(Set.of("demo.api", "demo.internal"), PublicSurface.exportedPackages(jar));
        assertEquals(Set.of("demo.api.Api", "demo.api.Api.Options", "demo.internal.Wiring"),
                PublicSurface.publicTypes(jar, List.of()));
    }

    @Test
    void the_document_lists_the_types_under_the_artifacts_heading_of_its_api_section() {
        assertEquals(Map.of("demo-lib", Set.of("demo.api.Api", "demo.api.Api.Options")),
                PublicSurface.documented(DOCUMENT));
        assertThrows(IllegalStateException.class, () -> PublicSurface.documented("# Demo\n\n## Usage\n"));
    }

    @Test
    void a_matching_list_has_no_problems() {
        assertEquals(List.of(), PublicSurface.problems("demo-lib", Set.of("demo.api.Api", "demo.api.Api.Options"),
                PublicSurface.documented(DOCUMENT), "README.md"));
    }

    @Test
    void a_new_public_type_fails_naming_it_and_the_list_to_update() {
        List<String> problems = PublicSurface.problems("demo-lib",
                Set.of("demo.api.Api", "demo.api.Api.Options", "demo.api.Helper"), PublicSurface.documented(DOCUMENT),
                "README.md");

        assertEquals(List.of("demo-lib: demo.api.Helper is public in an exported package but not in README.md's API"
                + " section (### demo-lib). A host could start using it: make it package-private or move it to a"
                + " package the module does not export, or, if it is meant as API, list it there."), problems);
    }

    @Test
    void a_listed_type_that_is_gone_fails_and_so_does_an_artifact_without_a_list() {
        Map<String, Set<String>> documented = PublicSurface.documented(DOCUMENT);

        assertEquals(List.of("demo-lib: README.md's API section lists demo.api.Api.Options, which is not a public type"
                + " of an exported package of the jar; update the list."),
                PublicSurface.problems("demo-lib", Set.of("demo.api.Api"), documented, "README.md"));
        assertEquals(List.of("README.md's API section has no \"### other-lib\" list; its public types are [demo.Other]"),
                PublicSurface.problems("other-lib", Set.of("demo.Other"), documented, "README.md"));
    }

    private Path compileAndJar(boolean named) throws IOException {
        Path src = dir.resolve("src");
        write(src.resolve("demo/api/Api.java"), """
                package demo.api;
                public class Api {
                    public static final class Options { }
                    private static final class Secret { }
                    public Runnable task() { return new Runnable() { public void run() { } }; }
                }
                """);
        write(src.resolve("demo/api/Helper.java"), "package demo.api;\nfinal class Helper { }\n");
        write(src.resolve("demo/internal/Wiring.java"), "package demo.internal;\npublic final class Wiring { }\n");
        if (named) {
            write(src.resolve("module-info.java"), "module com.example.demo { exports demo.api; }\n");
        }
        Path classes = dir.resolve(named ? "classes-named" : "classes-automatic");
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
        try (Stream<Path> files = Files.walk(src)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, arguments.toArray(String[]::new)), "the fixture compiles");

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (!named) {
            manifest.getMainAttributes().put(new Attributes.Name("Automatic-Module-Name"), "com.example.demo");
        }
        Path jar = dir.resolve(named ? "demo-named.jar" : "demo-automatic.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                jarOut.write(Files.readAllBytes(file));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
