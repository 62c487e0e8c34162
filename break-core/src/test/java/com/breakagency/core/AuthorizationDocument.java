package com.breakagency.core;

import com.breakagency.core.boundary.Operation;
import com.breakagency.core.boundary.Rule;
import com.breakagency.core.policy.PolicyTable;
import com.breakagency.ports.context.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The authorization table as {@code docs/authorization.md} writes it, parsed: the one source the
 * authorization matrix tests take their expectations from, and which {@link PolicyTableMatchesTheDocumentTest}
 * holds equal to {@link PolicyTable#STANDARD}. A cell {@code yes} is {@link Rule#ALLOW}, {@code no}
 * {@link Rule#DENY}, and a cell starting with {@code own} {@link Rule#OWN}; anything else fails the parse.
 */
public final class AuthorizationDocument {

    /** Where the document is, from the repository's root. */
    public static final String PATH = "docs/authorization.md";

    private static volatile AuthorizationDocument standard;

    private final Map<String, Map<Role, Rule>> rows;

    private AuthorizationDocument(Map<String, Map<Role, Rule>> rows) {
        this.rows = Collections.unmodifiableMap(rows);
    }

    /**
     * The repository's document, parsed once.
     *
     * @return the table
     */
    public static AuthorizationDocument standard() {
        AuthorizationDocument parsed = standard;
        if (parsed == null) {
            parsed = parse(read(locate()));
            standard = parsed;
        }
        return parsed;
    }

    /**
     * The rule for one operation and role.
     *
     * @param operation the operation
     * @param role      the role
     * @return the rule the document gives
     * @throws AssertionError if the document has no row for the operation
     */
    public Rule rule(Operation operation, Role role) {
        Map<Role, Rule> row = rows.get(operation.name());
        if (row == null) {
            throw new AssertionError(PATH + " has no row for " + operation);
        }
        return row.get(role);
    }

    /**
     * The operations the document names, in its order.
     *
     * @return the names
     */
    public Set<String> operations() {
        return rows.keySet();
    }

    /**
     * Parses the document's table: the header names the role columns, each row's first cell is an
     * operation name in backticks.
     *
     * @param lines the document
     * @return the table
     */
    static AuthorizationDocument parse(List<String> lines) {
        Map<String, Map<Role, Rule>> rows = new LinkedHashMap<>();
        Map<Integer, Role> columns = null;
        for (String line : lines) {
            if (!line.startsWith("|")) {
                columns = line.isBlank() ? columns : null;
                continue;
            }
            List<String> cells = cells(line);
            if (cells.get(0).equals("operation")) {
                columns = new LinkedHashMap<>();
                for (int i = 1; i < cells.size(); i++) {
                    for (Role role : Role.values()) {
                        if (role.name().equals(cells.get(i))) {
                            columns.put(i, role);
                        }
                    }
                }
                if (columns.size() != Role.values().length) {
                    throw new AssertionError("the table's header must name every role once: " + line);
                }
                continue;
            }
            if (columns == null || cells.get(0).startsWith("---")) {
                continue;
            }
            String name = cells.get(0);
            if (!name.startsWith("`") || !name.endsWith("`")) {
                throw new AssertionError("an operation is written in backticks: " + line);
            }
            name = name.substring(1, name.length() - 1);
            Map<Role, Rule> row = new EnumMap<>(Role.class);
            for (Map.Entry<Integer, Role> column : columns.entrySet()) {
                row.put(column.getValue(), rule(cells.get(column.getKey()), line));
            }
            if (rows.put(name, row) != null) {
                throw new AssertionError(PATH + " names " + name + " twice");
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError(PATH + " holds no table");
        }
        return new AuthorizationDocument(rows);
    }

    private static Rule rule(String cell, String line) {
        if (cell.equals("yes")) {
            return Rule.ALLOW;
        }
        if (cell.equals("no")) {
            return Rule.DENY;
        }
        if (cell.startsWith("own ")) {
            return Rule.OWN;
        }
        throw new AssertionError("a cell is yes, no, or own ...: '" + cell + "' in " + line);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        return java.util.Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }

    private static Path locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(PATH);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(PATH + " not found above " + Path.of("").toAbsolutePath());
    }

    private static List<String> read(Path path) {
        try {
            return Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
