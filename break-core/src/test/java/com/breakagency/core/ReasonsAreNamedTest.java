package com.breakagency.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every reason Break's own code raises is a constant of {@link Reason}: the main sources of the modules that
 * raise errors are scanned for reasons written as string literals, and each constant must be used in those
 * sources or named in the documentation.
 */
class ReasonsAreNamedTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final List<String> MAIN_SOURCES = List.of("break-ports/src/main/java", "break-core/src/main/java",
            "adapter-jdbc/src/main/java", "adapter-sentry/src/main/java");
    private static final List<String> DOCUMENTS = List.of("README.md", "adapter-jdbc/README.md",
            "adapter-sentry/README.md", "docs/design.md");

    /** Where code hands a reason over as a literal: the builder, the constructor, the static factories. */
    private static final List<Pattern> LITERAL_REASONS = List.of(
            Pattern.compile("\\.reason\\(\\s*\"([^\"]*)\""),
            Pattern.compile("new BreakException\\(\\s*ErrorCode\\.\\w+\\s*,\\s*\"([^\"]*)\""),
            Pattern.compile("BreakException\\.(?:conflict|workflowBreak)\\(\\s*\"([^\"]*)\""));
    /** NOT_FOUND's reason is the entity's name followed by _NOT_FOUND. */
    private static final Pattern NOT_FOUND = Pattern.compile("notFound\\(\\s*\"([^\"]*)\"");

    static Set<String> reasonsWrittenAsLiterals(String source) {
        Set<String> found = new TreeSet<>();
        for (Pattern pattern : LITERAL_REASONS) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                found.add(m.group(1));
            }
        }
        Matcher m = NOT_FOUND.matcher(source);
        while (m.find()) {
            found.add(m.group(1).toUpperCase(Locale.ROOT).replace(' ', '_') + "_NOT_FOUND");
        }
        return found;
    }

    static Set<String> constants() {
        Set<String> values = new TreeSet<>();
        for (Field field : Reason.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> mainSources() {
        List<Path> files = new ArrayList<>();
        for (String dir : MAIN_SOURCES) {
            Path path = ROOT.resolve(dir);
            assertTrue(Files.isDirectory(path), "no source folder " + path);
            try (Stream<Path> walk = Files.walk(path)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    @Test
    void the_scan_finds_a_reason_written_as_a_literal_in_each_form() {
        assertEquals(Set.of("BOGUS_ONE", "BOGUS_TWO", "BOGUS_THREE", "WIDGET_NOT_FOUND"), reasonsWrittenAsLiterals(
                "BreakException.builder(ErrorCode.CONFLICT).reason(\"BOGUS_ONE\").build();\n"
                        + "new BreakException(ErrorCode.CONFLICT, \"BOGUS_TWO\", \"detail\");\n"
                        + "BreakException.conflict(\"BOGUS_THREE\", \"detail\");\n"
                        + "BreakException.notFound(\"widget\", id);\n"
                        + "BreakException.builder(ErrorCode.CONFLICT).reason(Reason.OVERPAYMENT).build();\n"));
    }

    @Test
    void every_reason_the_code_raises_is_a_constant_of_reason() {
        List<Path> sources = mainSources();
        assertTrue(sources.size() > 50, "the scan found too few sources to be looking in the right place");
        Set<String> known = constants();
        List<String> unnamed = new ArrayList<>();
        for (Path file : sources) {
            for (String reason : reasonsWrittenAsLiterals(read(file))) {
                if (!known.contains(reason)) {
                    unnamed.add(ROOT.relativize(file) + ": " + reason);
                }
            }
        }
        assertEquals(List.of(), unnamed, "reasons not named in Reason: add a constant and use it");
    }

    @Test
    void every_constant_of_reason_is_used_by_the_code_or_documented() {
        String code = mainSources().stream().filter(p -> !p.endsWith("Reason.java")).map(ReasonsAreNamedTest::read)
                .collect(Collectors.joining("\n"));
        Set<String> literalReasons = reasonsWrittenAsLiterals(code);
        String docs = DOCUMENTS.stream().map(ROOT::resolve).filter(Files::exists).map(ReasonsAreNamedTest::read)
                .collect(Collectors.joining("\n"));
        List<String> unused = new ArrayList<>();
        for (Field field : Reason.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                continue;
            }
            String name = field.getName();
            boolean used = code.contains("Reason." + name) || literalReasons.contains(name)
                    || Pattern.compile("\\b" + name + "\\b").matcher(docs).find();
            if (!used) {
                unused.add(name);
            }
        }
        assertEquals(List.of(), unused, "constants of Reason neither raised by the code nor documented");
    }
}
