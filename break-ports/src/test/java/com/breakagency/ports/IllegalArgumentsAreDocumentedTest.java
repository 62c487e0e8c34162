package com.breakagency.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A host learns what a factory refuses from its javadoc: every public or protected constructor or method
 * of the contract whose body throws {@code IllegalArgumentException} says so with
 * {@code @throws IllegalArgumentException}. Read from the sources, so it needs no compiler plugin.
 */
class IllegalArgumentsAreDocumentedTest {

    /** Surefire runs with the module's base directory as the working directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");

    private static final Pattern STRING_OR_CHAR = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|'(?:\\\\.|[^'\\\\])+'");
    private static final Pattern TYPE_DECLARATION = Pattern.compile("\\b(class|interface|record|enum|@interface)\\s+\\w+");
    private static final String THROW = "throw new IllegalArgumentException";
    private static final String DOCUMENTED = "@throws IllegalArgumentException";

    @Test
    void every_public_member_that_throws_illegal_argument_documents_it() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 20, "expected the contract's sources under " + SOURCES.toAbsolutePath());

        List<String> undocumented = new ArrayList<>();
        int throwing = 0;
        for (Path file : files) {
            for (Member member : members(Files.readString(file, StandardCharsets.UTF_8))) {
                if (member.body().contains(THROW)) {
                    throwing++;
                    if (!member.javadoc().contains(DOCUMENTED)) {
                        undocumented.add(SOURCES.relativize(file) + ": " + member.declaration());
                    }
                }
            }
        }
        assertTrue(throwing >= 10, "the scan found only " + throwing + " public members that throw; is it reading the sources?");
        assertEquals(List.of(), undocumented, "public members that throw IllegalArgumentException without "
                + DOCUMENTED + " in their javadoc:\n" + String.join("\n", undocumented));
    }

    @Test
    void the_scan_tells_documented_from_undocumented_members() {
        String source = """
                package x;

                /** A type. */
                public record Range(int low, int high) {

                    /**
                     * Validates.
                     *
                     * @throws IllegalArgumentException if low is above high
                     */
                    public Range {
                        if (low > high) {
                            throw new IllegalArgumentException("low must not be above high, '{'");
                        }
                    }

                    /**
                     * Makes one.
                     *
                     * @param low the low end
                     * @return the range
                     */
                    @Deprecated
                    public static Range from(
                            int low) {
                        if (low < 0) {
                            throw new IllegalArgumentException("low must not be negative }");
                        }
                        return new Range(low, low);
                    }

                    private static void check(int value) {
                        throw new IllegalArgumentException("private helpers are not API");
                    }

                    /** Nothing thrown. */
                    public int width() {
                        return high - low;
                    }
                }
                """;

        List<Member> members = members(source);

        List<String> throwingUndocumented = members.stream()
                .filter(m -> m.body().contains(THROW) && !m.javadoc().contains(DOCUMENTED))
                .map(Member::declaration).toList();
        assertEquals(List.of("public static Range from("), throwingUndocumented);
        assertEquals(3, members.size(), members::toString);
        assertEquals(List.of(), members("""
                /** A port. */
                public interface Port {
                    /** Refuses. */
                    public abstract void refuse(
                            String value);
                }
                """), "an abstract method has no body");
    }

    /** A public or protected constructor or method: its declaration line, javadoc and body. */
    private record Member(String declaration, String javadoc, String body) {
    }

    /**
     * The public and protected constructors and methods of a source, with the javadoc just before each
     * (annotations may stand between) and the body up to its closing brace.
     */
    private static List<Member> members(String source) {
        String[] lines = source.split("\n", -1);
        List<Member> members = new ArrayList<>();
        String javadoc = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith("/**")) {
                StringBuilder doc = new StringBuilder();
                while (i < lines.length) {
                    doc.append(lines[i]).append('\n');
                    if (lines[i].contains("*/")) {
                        break;
                    }
                    i++;
                }
                javadoc = doc.toString();
                continue;
            }
            if (line.isEmpty() || line.startsWith("@")) {
                continue;
            }
            boolean member = (line.startsWith("public ") || line.startsWith("protected "))
                    && !TYPE_DECLARATION.matcher(line).find() && !line.contains("=");
            int opening = i;
            while (member && !lines[opening].strip().endsWith("{")) {
                // a declaration over several lines ends with its opening brace; an abstract one with ';'
                member = !lines[opening].contains(";") && opening + 1 < lines.length;
                opening++;
            }
            if (member) {
                StringBuilder body = new StringBuilder();
                int depth = 0;
                int j = i;
                do {
                    String code = STRING_OR_CHAR.matcher(lines[j]).replaceAll("\"\"");
                    for (char c : code.toCharArray()) {
                        depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                    }
                    body.append(lines[j]).append('\n');
                    j++;
                } while ((depth > 0 || j <= opening) && j < lines.length);
                members.add(new Member(line, javadoc, body.toString()));
            }
            javadoc = "";
        }
        return members;
    }
}
