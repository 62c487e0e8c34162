package com.breakagency.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What a published artifact of the build must carry, checked on what the build packaged under
 * {@code <root>/<folder>/target}: its POM (as packaged into the jar, or the pom itself) names a licence, a
 * url, an scm and developers, itself or through its parent; a jar module has its sources and javadoc jars
 * next to it and names its Java module; every module of the root POM is either published or skips deploy.
 * Each check returns the problems it found, in words that say what to fix; none means fit to publish.
 */
final class PublishedArtifacts {

    /** A published artifact: where it is built, what it is called, and its Java module (none for a POM). */
    record Published(String folder, String artifactId, Optional<String> moduleName) {

        static Published pom(String folder, String artifactId) {
            return new Published(folder, artifactId, Optional.empty());
        }

        static Published jar(String folder, String artifactId, String moduleName) {
            return new Published(folder, artifactId, Optional.of(moduleName));
        }
    }

    /** Break's published artifacts; a new one is added here and to the README's module table. */
    static final List<Published> PUBLISHED = List.of(
            Published.pom(".", "break-parent"),
            Published.pom("break-bom", "break-bom"),
            Published.jar("break-ports", "break-ports", "com.breakagency.ports"),
            Published.jar("break-core", "break-core", "com.breakagency.core"),
            Published.jar("break-testkit", "break-testkit", "com.breakagency.testkit"),
            Published.jar("adapter-jdbc", "break-adapter-jdbc", "com.breakagency.adapter.jdbc"),
            Published.jar("adapter-sentry", "break-adapter-sentry", "com.breakagency.adapter.sentry"),
            Published.jar("adapter-gmail", "break-adapter-gmail", "com.breakagency.adapter.gmail"),
            Published.jar("break-micrometer", "break-micrometer", "com.breakagency.micrometer"),
            Published.jar("break-spring-boot-starter", "break-spring-boot-starter", "com.breakagency.spring.boot"));

    /** The modules of the root POM that are never deployed. */
    static final List<String> NOT_PUBLISHED = List.of("examples", "examples/reference-service", "benchmarks", "release-check");

    private static final String GROUP = "com.breakagency";

    private final Path root;
    private final String version;
    private final List<Published> published;
    private final List<String> notPublished;

    PublishedArtifacts(Path root, String version, List<Published> published, List<String> notPublished) {
        this.root = root;
        this.version = version;
        this.published = List.copyOf(published);
        this.notPublished = List.copyOf(notPublished);
    }

    /** Every published POM names a licence, a url, an scm and developers, itself or through its parents. */
    List<String> metadataProblems() {
        List<String> problems = new ArrayList<>();
        for (Published artifact : published) {
            Path folder = root.resolve(artifact.folder()).normalize();
            Optional<Element> pom = publishedPom(artifact, problems);
            if (pom.isEmpty()) {
                continue;
            }
            List<Element> lineage = lineage(pom.get(), folder, problems, artifact.artifactId());
            requireSome(problems, artifact, lineage, "licenses", "license", "name");
            requireSome(problems, artifact, lineage, "url");
            requireSome(problems, artifact, lineage, "scm", "url");
            requireSome(problems, artifact, lineage, "scm", "connection");
            requireSome(problems, artifact, lineage, "developers", "developer", "name");
        }
        return problems;
    }

    /** Every published jar has its sources and javadoc jars next to it and names its Java module. */
    List<String> attachmentProblems() {
        List<String> problems = new ArrayList<>();
        for (Published artifact : published) {
            if (artifact.moduleName().isEmpty()) {
                continue;
            }
            Path target = root.resolve(artifact.folder()).resolve("target");
            String base = artifact.artifactId() + "-" + version;
            Path jar = target.resolve(base + ".jar");
            if (!Files.isRegularFile(jar)) {
                problems.add(artifact.artifactId() + ": no " + jar + " (run the build from the root: mvn verify)");
                continue;
            }
            for (String classifier : List.of("sources", "javadoc")) {
                Path attached = target.resolve(base + "-" + classifier + ".jar");
                if (!Files.isRegularFile(attached)) {
                    problems.add(artifact.artifactId() + ": no " + classifier + " jar " + attached
                            + " (maven-" + (classifier.equals("sources") ? "source" : "javadoc")
                            + "-plugin is skipped or unbound in this module)");
                }
            }
            String named = automaticModuleName(jar);
            if (!artifact.moduleName().get().equals(named)) {
                problems.add(artifact.artifactId() + ": Automatic-Module-Name is " + (named == null ? "missing" : named)
                        + ", expected " + artifact.moduleName().get() + " (property break.module.name)");
            }
        }
        return problems;
    }

    /** Every module of the root POM is published, or skips deploy (property maven.deploy.skip). */
    List<String> deployProblems() {
        List<String> problems = new ArrayList<>();
        Element parent = read(root.resolve("pom.xml"));
        List<String> publishedFolders = published.stream().map(Published::folder).toList();
        for (Element module : children(child(parent, "modules"), "module")) {
            String folder = module.getTextContent().strip();
            if (publishedFolders.contains(folder)) {
                continue;
            }
            if (!notPublished.contains(folder)) {
                problems.add(folder + ": a module neither published nor listed as unpublished in "
                        + PublishedArtifacts.class.getSimpleName());
                continue;
            }
            String skip = text(child(read(root.resolve(folder).resolve("pom.xml")), "properties"), "maven.deploy.skip");
            if (!"true".equals(skip)) {
                problems.add(folder + ": never published, but its POM does not set maven.deploy.skip to true");
            }
        }
        return problems;
    }

    /**
     * Puts every jar of a folder on the module path ({@code java -p <folder> --list-modules}, then
     * {@code --validate-modules}): both succeed and the listing names each expected module. A jar whose
     * name cannot be a module name fails here as it would in a host's {@code java -p}.
     */
    static List<String> modulePathProblems(Path folder, Collection<String> expectedModules) {
        List<String> problems = new ArrayList<>();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        String listing = run(problems, List.of(java.toString(), "-p", folder.toString(), "--list-modules"));
        run(problems, List.of(java.toString(), "-p", folder.toString(), "--validate-modules"));
        if (!problems.isEmpty()) {
            return problems;
        }
        for (String module : expectedModules) {
            if (listing.lines().noneMatch(line -> line.startsWith(module + "@"))) {
                problems.add("java -p " + folder + " --list-modules does not list " + module);
            }
        }
        return problems;
    }

    private static String run(List<String> problems, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                problems.add(String.join(" ", command) + " did not finish within 60 s");
            } else if (process.exitValue() != 0) {
                problems.add(String.join(" ", command) + " failed (exit " + process.exitValue() + "): " + output.strip());
            }
            return output;
        } catch (IOException e) {
            problems.add(String.join(" ", command) + " could not run: " + e.getMessage());
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problems.add(String.join(" ", command) + " was interrupted");
            return "";
        }
    }

    private Optional<Element> publishedPom(Published artifact, List<String> problems) {
        Path folder = root.resolve(artifact.folder()).normalize();
        if (artifact.moduleName().isEmpty()) {
            return Optional.of(read(folder.resolve("pom.xml")));
        }
        Path jar = folder.resolve("target").resolve(artifact.artifactId() + "-" + version + ".jar");
        if (!Files.isRegularFile(jar)) {
            problems.add(artifact.artifactId() + ": no " + jar + " to read its POM from (run the build from the root)");
            return Optional.empty();
        }
        String entry = "META-INF/maven/" + GROUP + "/" + artifact.artifactId() + "/pom.xml";
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(entry) == null) {
                problems.add(artifact.artifactId() + ": " + jar + " holds no " + entry);
                return Optional.empty();
            }
            try (InputStream in = file.getInputStream(file.getEntry(entry))) {
                return Optional.of(parse(in, jar + "!/" + entry));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        }
    }

    /** The POM and its parents in the build, nearest first. */
    private static List<Element> lineage(Element pom, Path folder, List<String> problems, String artifactId) {
        List<Element> lineage = new ArrayList<>(List.of(pom));
        Element current = pom;
        Path currentFolder = folder;
        while (child(current, "parent") != null) {
            Element parentRef = child(current, "parent");
            String relative = Optional.ofNullable(text(parentRef, "relativePath")).orElse("../pom.xml");
            Path parentPom = currentFolder.resolve(relative).normalize();
            String expected = text(parentRef, "artifactId");
            if (!Files.isRegularFile(parentPom)) {
                problems.add(artifactId + ": its parent " + expected + " is not at " + parentPom);
                break;
            }
            Element parent = read(parentPom);
            if (!expected.equals(text(parent, "artifactId"))) {
                problems.add(artifactId + ": " + parentPom + " is not its parent " + expected);
                break;
            }
            lineage.add(parent);
            current = parent;
            currentFolder = parentPom.getParent();
        }
        return lineage;
    }

    private static void requireSome(List<String> problems, Published artifact, List<Element> lineage, String... path) {
        for (Element pom : lineage) {
            Element at = pom;
            for (int i = 0; i < path.length - 1 && at != null; i++) {
                at = child(at, path[i]);
            }
            String value = at == null ? null : text(at, path[path.length - 1]);
            if (value != null && !value.isBlank()) {
                return;
            }
        }
        problems.add(artifact.artifactId() + ": its POM and its parents name no <" + String.join("/", path)
                + "> (Maven Central requires licence, url, scm and developers)");
    }

    private static String automaticModuleName(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() == null ? null
                    : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        }
    }

    private static Element read(Path pom) {
        try (InputStream in = Files.newInputStream(pom)) {
            return parse(in, pom.toString());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + pom, e);
        }
    }

    private static Element parse(InputStream in, String where) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            return document.getDocumentElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + where, e);
        }
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element found = child(parent, name);
        return found == null ? null : found.getTextContent().strip();
    }

    /** The jars directly in a folder, for messages. */
    static List<Path> jars(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + folder, e);
        }
    }
}
