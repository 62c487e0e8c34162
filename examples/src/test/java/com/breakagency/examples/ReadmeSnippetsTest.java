package com.breakagency.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every {@code ```java} block of every Markdown file in the repository is the text of one tag of the compiled
 * snippets (lines compared without their indentation, blank lines ignored; a tag's regions in its one file are
 * joined in order), so a README cannot show code that does not compile. Tagged sources are read, by path from
 * the repository's root, from {@code com.breakagency.examples.snippets} here and from the Spring Boot host in
 * {@code examples/reference-service}; a tag name belongs to one file only.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Where tagged sources live, from the repository's root: snippets of their own, and a real Spring host. */
    private static final List<Path> SNIPPETS = List.of(
            Path.of("examples/src/main/java/com/breakagency/examples/snippets"),
            Path.of("examples/reference-service/src/main/java"));
    private static final Pattern JAVA_BLOCK = Pattern.compile("^```java\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("^\\s*// tag::([\\w-]+)\\[\\]\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*// end::([\\w-]+)\\[\\]\\s*$");

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> normalized(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /** Each tag's lines, normalized, from sources. */
    static Map<String, List<String>> tags(List<String> sources) {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        for (String source : sources) {
            String open = null;
            for (String line : source.lines().toList()) {
                Matcher tag = TAG.matcher(line);
                Matcher end = END.matcher(line);
                if (tag.matches()) {
                    open = tag.group(1);
                    tags.computeIfAbsent(open, k -> new ArrayList<>());
                } else if (end.matches()) {
                    open = null;
                } else if (open != null && !line.isBlank()) {
                    tags.get(open).add(line.strip());
                }
            }
        }
        return tags;
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    private static List<Path> markdownFiles() {
        try (Stream<Path> walk = Files.walk(ROOT)) {
            return walk.filter(p -> p.toString().endsWith(".md"))
                    .filter(p -> ROOT.relativize(p).toString().split("[/\\\\]").length < 4)
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/.git/")
                            && !p.toString().contains("/node_modules/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_block_matches_a_tag_only_line_for_line() {
        Map<String, List<String>> tags = tags(List.of("""
                // tag::a[]
                    int x = 1;
                // end::a[]
                // tag::a[]
                int y = 2;
                // end::a[]
                """));
        assertEquals(List.of("int x = 1;", "int y = 2;"), tags.get("a"));
        assertEquals(normalized("int x = 1;\n\n    int y = 2;\n"), tags.get("a"));
        assertFalse(tags.containsValue(normalized("int x = 1;\nint y = 3;\n")));
        assertEquals(List.of("A a = null;\n"), javaBlocks("text\n```java\nA a = null;\n```\nmore\n```sh\nls\n```\n"));
    }

    /** The tagged Java sources under {@link #SNIPPETS}, by their path from the root. */
    private static Map<Path, String> taggedSources() {
        Map<Path, String> sources = new LinkedHashMap<>();
        for (Path folder : SNIPPETS) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(folder))) {
                files.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> {
                    String source = read(p);
                    if (source.lines().anyMatch(line -> TAG.matcher(line).matches())) {
                        sources.put(ROOT.relativize(p), source);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    @Test
    void tagged_sources_come_from_both_example_modules_and_each_tag_from_one_file() {
        Map<Path, String> sources = taggedSources();
        for (Path folder : SNIPPETS) {
            assertTrue(sources.keySet().stream().anyMatch(p -> p.startsWith(folder)), "no tagged source in " + folder);
        }
        Map<String, Path> owner = new LinkedHashMap<>();
        List<String> shared = new ArrayList<>();
        sources.forEach((file, source) -> tags(List.of(source)).keySet().forEach(tag -> {
            Path first = owner.putIfAbsent(tag, file);
            if (first != null) {
                shared.add(tag + " in " + first + " and " + file);
            }
        }));
        assertEquals(List.of(), shared, "tag names used in more than one file");
    }

    @Test
    void every_java_block_of_the_documentation_is_compiled_code() {
        List<String> sources = List.copyOf(taggedSources().values());
        Map<String, List<String>> tags = tags(sources);
        List<Path> markdown = markdownFiles();
        assertTrue(markdown.stream().anyMatch(p -> p.endsWith("README.md")), "no README found under " + ROOT);

        int blocks = 0;
        List<String> drifted = new ArrayList<>();
        for (Path file : markdown) {
            for (String block : javaBlocks(read(file))) {
                blocks++;
                List<String> lines = normalized(block);
                // the quick start shows its imports, a blank line, then its code: one tag either way
                if (!tags.containsValue(lines)) {
                    drifted.add(ROOT.relativize(file) + ":\n" + block);
                }
            }
        }
        assertTrue(blocks >= 10, "found only " + blocks + " java blocks");
        assertEquals(List.of(), drifted, "java blocks that are not the text of a tag in " + SNIPPETS);
    }

    @Test
    void no_snippet_passes_a_positional_null_or_reaches_past_the_boundary() {
        List<String> offending = new ArrayList<>();
        for (Path file : markdownFiles()) {
            for (String block : javaBlocks(read(file))) {
                if (block.contains(", null") || block.contains("(null") || block.matches("(?s).*persistence\\.\\w+\\(\\)\\..*")) {
                    offending.add(ROOT.relativize(file) + ":\n" + block);
                }
            }
        }
        String quickStart = read(Path.of("src/main/java/com/breakagency/examples/QuickStart.java"));
        for (String spi : List.of("persistence.auditLog()", "persistence.payments()", "persistence.commissions()")) {
            if (quickStart.contains(spi)) {
                offending.add("QuickStart.java: " + spi);
            }
        }
        Matcher construction = Pattern.compile("new [A-Z]\\w*\\([^;]*\\bnull\\b").matcher(quickStart);
        while (construction.find()) {
            offending.add("QuickStart.java: " + construction.group());
        }
        assertEquals(List.of(), offending);
    }
}
