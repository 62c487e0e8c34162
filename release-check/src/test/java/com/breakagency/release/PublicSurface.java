package com.breakagency.release;

import java.io.IOException;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The public surface of a published jar: the types a host can use, which are the public (and, nested in
 * them, protected) types of the packages its module exports — every package of an automatic module, the
 * unqualified {@code exports} of a {@code module-info}. Compared with the list a document keeps: the
 * README's "API" section, one {@code ### <artifactId>} heading per artifact and one bullet per type
 * (a bullet starts with the type's name in backquotes: {@code - `com.breakagency.core.BreakAgency` — …}).
 */
final class PublicSurface {

    private static final Pattern TYPE_BULLET = Pattern.compile("^- `([\\w.]+)`");
    private static final Pattern ARTIFACT_HEADING = Pattern.compile("^### `?([\\w.-]+)`?\\s*$");

    private PublicSurface() {
    }

    /**
     * The packages a jar's module exports to everyone.
     *
     * @param jar the jar
     * @return the exported packages, sorted
     * @throws IllegalStateException if the jar cannot be a module (an invalid derived name, say)
     */
    static Set<String> exportedPackages(Path jar) {
        ModuleDescriptor descriptor = descriptor(jar);
        if (descriptor.isAutomatic()) {
            return new TreeSet<>(descriptor.packages());
        }
        return descriptor.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The module's name, as a module path sees it.
     *
     * @param jar the jar
     * @return the name in its {@code module-info}, or its automatic name
     */
    static String moduleName(Path jar) {
        return descriptor(jar).name();
    }

    private static ModuleDescriptor descriptor(Path jar) {
        try {
            Set<ModuleReference> found = ModuleFinder.of(jar).findAll();
            if (found.size() != 1) {
                throw new IllegalStateException(jar + " is not one module: " + found);
            }
            return found.iterator().next().descriptor();
        } catch (FindException e) {
            throw new IllegalStateException(jar + " cannot go on a module path: " + e.getMessage(), e);
        }
    }

    /**
     * The public types of a jar's exported packages, by canonical name ({@code Outer.Inner} for a nested one).
     * Classes are loaded without being initialized, with the jar first and then its dependencies.
     *
     * @param jar          the jar
     * @param dependencies the jars its classes need to be loaded (superclasses, interfaces)
     * @return the public types, sorted
     */
    static Set<String> publicTypes(Path jar, Collection<Path> dependencies) {
        Set<String> exported = exportedPackages(jar);
        List<URL> urls = new ArrayList<>();
        urls.add(url(jar));
        dependencies.forEach(dependency -> urls.add(url(dependency)));
        Set<String> types = new TreeSet<>();
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
             JarFile file = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> entries = file.entries(); entries.hasMoreElements(); ) {
                String entry = entries.nextElement().getName();
                if (!entry.endsWith(".class") || entry.startsWith("META-INF/") || entry.endsWith("module-info.class")
                        || entry.endsWith("package-info.class")) {
                    continue;
                }
                String binaryName = entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
                int lastDot = binaryName.lastIndexOf('.');
                if (lastDot < 0 || !exported.contains(binaryName.substring(0, lastDot))) {
                    continue;
                }
                Class<?> type = Class.forName(binaryName, false, loader);
                if (usableByAHost(type)) {
                    types.add(type.getCanonicalName());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + jar, e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException("cannot load a class of " + jar + " with " + dependencies + ": " + e, e);
        }
        return types;
    }

    private static boolean usableByAHost(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        for (Class<?> at = type; at != null; at = at.getEnclosingClass()) {
            int modifiers = at.getModifiers();
            boolean visible = Modifier.isPublic(modifiers) || (at.isMemberClass() && Modifier.isProtected(modifiers));
            if (!visible) {
                return false;
            }
        }
        return true;
    }

    /**
     * The types a document's "API" section lists, by artifact, in the order written.
     *
     * @param document the document's text
     * @return artifactId → the types listed under its heading
     * @throws IllegalStateException if the document has no "## API" section
     */
    static Map<String, Set<String>> documented(String document) {
        Map<String, Set<String>> listed = new LinkedHashMap<>();
        boolean inSection = false;
        String artifact = null;
        for (String line : document.lines().toList()) {
            if (line.startsWith("## ")) {
                inSection = line.strip().equals("## API");
                artifact = null;
                continue;
            }
            if (!inSection) {
                continue;
            }
            Matcher heading = ARTIFACT_HEADING.matcher(line.strip());
            if (line.startsWith("### ") && heading.matches()) {
                artifact = heading.group(1);
                listed.putIfAbsent(artifact, new TreeSet<>());
                continue;
            }
            Matcher bullet = TYPE_BULLET.matcher(line);
            if (artifact != null && bullet.find()) {
                listed.get(artifact).add(bullet.group(1));
            }
        }
        if (listed.isEmpty()) {
            throw new IllegalStateException("the document has no \"## API\" section with a \"### <artifactId>\" list");
        }
        return listed;
    }

    /**
     * Where a jar's public surface and its documented list part, in words that say what to do.
     *
     * @param artifactId the artifact, as headed in the document
     * @param actual     its public types
     * @param documented the document's lists
     * @param document   the document's name, for messages
     * @return the problems; none when the two are the same
     */
    static List<String> problems(String artifactId, Set<String> actual, Map<String, Set<String>> documented,
                                 String document) {
        List<String> problems = new ArrayList<>();
        Set<String> listed = documented.get(artifactId);
        if (listed == null) {
            problems.add(document + "'s API section has no \"### " + artifactId + "\" list; its public types are "
                    + actual);
            return problems;
        }
        for (String type : actual) {
            if (!listed.contains(type)) {
                problems.add(artifactId + ": " + type + " is public in an exported package but not in " + document
                        + "'s API section (### " + artifactId + "). A host could start using it: make it package-private"
                        + " or move it to a package the module does not export, or, if it is meant as API, list it there.");
            }
        }
        for (String type : listed) {
            if (!actual.contains(type)) {
                problems.add(artifactId + ": " + document + "'s API section lists " + type
                        + ", which is not a public type of an exported package of the jar; update the list.");
            }
        }
        return problems;
    }

    static String read(Path document) {
        try {
            return Files.readString(document, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + document, e);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(jar.toString(), e);
        }
    }
}
