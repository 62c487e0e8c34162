package com.breakagency.ports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The contract is read by integrators who never open Break's sources: every public type in break-ports
 * (top-level or nested) starts with a javadoc comment. Annotations may stand between the comment and
 * the declaration; anything else, a plain comment included, detaches it.
 */
class PublicTypesHaveJavadocTest {

    /** Surefire runs with the module's base directory as the working directory. */
    private static final Path SOURCES = Path.of("src", "main", "java");

    @Test
    void every_public_type_of_the_contract_has_javadoc() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
        }
        assertTrue(files.size() > 20, "expected the contract's sources under " + SOURCES.toAbsolutePath()
                + ", found " + files.size() + " files");

        List<String> undocumented = new ArrayList<>();
        int publicTypes = 0;
        for (Path file : files) {
            JavadocScanner scanned = JavadocScanner.scan(read(file));
            publicTypes += scanned.publicTypes.size();
            for (String type : scanned.undocumented) {
                undocumented.add(SOURCES.relativize(file) + ": " + type);
            }
        }
        assertTrue(publicTypes >= files.size(), "every file declares a public type, found only " + publicTypes);

        assertEquals(List.of(), undocumented, "public types without a javadoc comment:\n"
                + String.join("\n", undocumented));
    }

    @Test
    void the_scanner_finds_undocumented_public_types_of_every_kind() {
        String source = """
                package x;

                import java.util.List;

                public final class Outer {
                    public static class NestedClass { }
                    public interface NestedInterface { }
                    public record NestedRecord(String a) { }
                    public enum NestedEnum { A, B }
                    public @interface NestedAnnotation { }
                    public sealed interface Shape permits Circle { }
                    public non-sealed static class Circle implements Shape { }
                }
                """;

        assertEquals(List.of("Outer", "Outer.NestedClass", "Outer.NestedInterface", "Outer.NestedRecord",
                        "Outer.NestedEnum", "Outer.NestedAnnotation", "Outer.Shape", "Outer.Circle"),
                JavadocScanner.undocumentedPublicTypes(source));
    }

    @Test
    void the_scanner_accepts_javadoc_followed_by_annotations_with_arguments() {
        String source = """
                package x;

                /** Documented. */
                @FunctionalInterface
                @SuppressWarnings({"unchecked", "rawtypes"})
                @Deprecated(since = "1.0",
                        forRemoval = false)
                public interface Documented {
                    /** Documented too. */
                    @SuppressWarnings("x") public record Inner(@Deprecated String a) {
                        /** And this. */
                        public static final class Deeper { }
                    }
                }
                """;

        assertEquals(List.of(), JavadocScanner.undocumentedPublicTypes(source));
    }

    @Test
    void the_scanner_counts_member_types_of_interfaces_as_public() {
        String source = """
                /** Documented. */
                public interface Port {
                    /** Documented. */
                    record Documented(String a) { }
                    record Undocumented(String a) { }
                    enum AlsoUndocumented { A }
                }
                """;

        assertEquals(List.of("Port.Undocumented", "Port.AlsoUndocumented"),
                JavadocScanner.undocumentedPublicTypes(source));
    }

    @Test
    void the_scanner_ignores_non_public_types_and_declarations_inside_strings_and_comments() {
        String source = """
                /** Documented. */
                public final class Holder {
                    private record Hidden(String a) { }
                    static final class PackagePrivate { }
                    private static final String TEXT = "public class NotAType {";
                    private static final String BLOCK = \"""
                            public record AlsoNotAType() {
                            \""";
                    private static final char BRACE = '{';
                    // public class InALineComment {
                    /* public class InABlockComment { */
                    Object literal() {
                        return Holder.class;
                    }
                }
                final class TopLevelPackagePrivate { }
                """;

        assertEquals(List.of(), JavadocScanner.undocumentedPublicTypes(source));
    }

    @Test
    void the_scanner_treats_a_plain_comment_or_code_between_javadoc_and_type_as_missing_javadoc() {
        String source = """
                /** Documented, but detached. */
                // a line comment in between
                public final class Detached {
                    /** Belongs to the field. */
                    private int field;
                    public static final class AfterField { }
                    /* not a javadoc */
                    public static final class PlainComment { }
                }
                """;

        assertEquals(List.of("Detached", "Detached.AfterField", "Detached.PlainComment"),
                JavadocScanner.undocumentedPublicTypes(source));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small Java lexer: enough to find type declarations and tell whether a javadoc comment, possibly
     * followed by annotations and modifiers, comes right before them. Strings, text blocks, character
     * literals and comments are skipped so their contents never look like declarations.
     */
    static final class JavadocScanner {

        private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
                "abstract", "sealed", "non-sealed", "strictfp");
        private static final char WORD = 'w';

        private final String src;
        private int pos;
        private boolean javadocPending;
        private final Set<String> modifiers = new HashSet<>();
        /** The last symbol read, or {@link #WORD} after a word: tells {@code Foo.class} from a declaration. */
        private char previousSymbol;
        /** The type whose body the next '{' opens. */
        private Body awaitingBody = Body.BLOCK;
        /** One entry per open brace: a type's body, or {@link Body#BLOCK} for any other block. */
        private final Deque<Body> braces = new ArrayDeque<>();
        private final List<String> publicTypes = new ArrayList<>();
        private final List<String> undocumented = new ArrayList<>();

        /** What an open brace belongs to. */
        private record Body(String kind, String name) {
            static final Body BLOCK = new Body("block", "");
        }

        private JavadocScanner(String src) {
            this.src = src;
        }

        static List<String> undocumentedPublicTypes(String source) {
            return scan(source).undocumented;
        }

        static JavadocScanner scan(String source) {
            JavadocScanner scanner = new JavadocScanner(source);
            scanner.run();
            return scanner;
        }

        private void run() {
            while (pos < src.length()) {
                char c = src.charAt(pos);
                if (Character.isWhitespace(c)) {
                    pos++;
                } else if (src.startsWith("/**", pos) && !src.startsWith("/**/", pos)) {
                    pos = end("*/", pos + 3);
                    javadocPending = true;
                    modifiers.clear();
                } else if (src.startsWith("/*", pos)) {
                    pos = end("*/", pos + 2);
                    reset();
                } else if (src.startsWith("//", pos)) {
                    int newline = src.indexOf('\n', pos);
                    pos = newline < 0 ? src.length() : newline + 1;
                    reset();
                } else if (src.startsWith("\"\"\"", pos)) {
                    pos = endOfLiteral("\"\"\"", pos + 3);
                    symbol('"');
                } else if (c == '"' || c == '\'') {
                    pos = endOfLiteral(String.valueOf(c), pos + 1);
                    symbol(c);
                } else if (c == '@') {
                    pos++;
                    skipWhitespace();
                    if (src.startsWith("interface", pos) && !isIdentifierPart(pos + "interface".length())) {
                        pos += "interface".length();
                        declaration("@interface");
                    } else {
                        annotation();
                    }
                } else if (Character.isJavaIdentifierStart(c)) {
                    word(identifier());
                } else if (c == '{') {
                    pos++;
                    braces.push(awaitingBody);
                    awaitingBody = Body.BLOCK;
                    symbol(c);
                } else if (c == '}') {
                    pos++;
                    if (!braces.isEmpty()) {
                        braces.pop();
                    }
                    symbol(c);
                } else {
                    pos++;
                    symbol(c);
                }
            }
        }

        private void word(String word) {
            if (word.equals("non") && src.startsWith("-sealed", pos)) {
                pos += "-sealed".length();
                word = "non-sealed";
            }
            if (MODIFIERS.contains(word)) {
                modifiers.add(word);
            } else if (previousSymbol != '.' && (word.equals("class") || word.equals("interface")
                    || word.equals("enum") || word.equals("record") && looksLikeRecordHeader())) {
                declaration(word);
            } else {
                reset();
            }
            previousSymbol = WORD;
        }

        private void declaration(String kind) {
            skipWhitespace();
            String name = identifier();
            Body enclosing = braces.isEmpty() ? Body.BLOCK : braces.peek();
            boolean inInterface = enclosing.kind().equals("interface") || enclosing.kind().equals("@interface");
            boolean isPublic = modifiers.contains("public") || inInterface && !modifiers.contains("private");
            String qualified = qualifiedName(name);
            if (isPublic) {
                publicTypes.add(qualified);
                if (!javadocPending) {
                    undocumented.add(qualified);
                }
            }
            awaitingBody = new Body(kind, qualified);
            reset();
        }

        private String qualifiedName(String name) {
            for (Body brace : braces) {
                if (brace != Body.BLOCK) {
                    return brace.name() + "." + name;
                }
            }
            return name;
        }

        private boolean looksLikeRecordHeader() {
            int save = pos;
            skipWhitespace();
            boolean header = false;
            if (pos < src.length() && Character.isJavaIdentifierStart(src.charAt(pos))) {
                identifier();
                skipWhitespace();
                header = pos < src.length() && (src.charAt(pos) == '(' || src.charAt(pos) == '<');
            }
            pos = save;
            return header;
        }

        private void annotation() {
            identifier();
            while (pos < src.length() && src.charAt(pos) == '.') {
                pos++;
                identifier();
            }
            skipWhitespace();
            if (pos < src.length() && src.charAt(pos) == '(') {
                int depth = 0;
                do {
                    char c = src.charAt(pos);
                    if (c == '"' || c == '\'') {
                        pos = endOfLiteral(String.valueOf(c), pos + 1);
                        continue;
                    }
                    if (c == '(') {
                        depth++;
                    } else if (c == ')') {
                        depth--;
                    }
                    pos++;
                } while (depth > 0 && pos < src.length());
            }
        }

        private void symbol(char c) {
            previousSymbol = c;
            reset();
        }

        private void reset() {
            javadocPending = false;
            modifiers.clear();
        }

        private String identifier() {
            int start = pos;
            while (isIdentifierPart(pos)) {
                pos++;
            }
            return src.substring(start, pos);
        }

        private boolean isIdentifierPart(int at) {
            return at < src.length() && Character.isJavaIdentifierPart(src.charAt(at));
        }

        private void skipWhitespace() {
            while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
                pos++;
            }
        }

        private int end(String terminator, int from) {
            int at = src.indexOf(terminator, from);
            return at < 0 ? src.length() : at + terminator.length();
        }

        private int endOfLiteral(String quote, int from) {
            int at = from;
            while (at < src.length()) {
                if (src.charAt(at) == '\\') {
                    at += 2;
                } else if (src.startsWith(quote, at)) {
                    return at + quote.length();
                } else {
                    at++;
                }
            }
            return src.length();
        }
    }
}
