package com.breakagency.core;

import com.breakagency.core.audit.AuditOperations;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.boundary.Operation;
import com.breakagency.core.boundary.Rule;
import com.breakagency.core.crm.CrmOperations;
import com.breakagency.core.finance.FinanceOperations;
import com.breakagency.core.integration.IntegrationOperations;
import com.breakagency.core.policy.PolicyTable;
import com.breakagency.core.recovery.RecoveryOperations;
import com.breakagency.ports.context.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/authorization.md} is the policy table written down: the same operations, and for every
 * operation × role the same decision as {@link PolicyTable#STANDARD}.
 */
class PolicyTableMatchesTheDocumentTest {

    private static final AuthorizationDocument DOCUMENT = AuthorizationDocument.standard();

    @Test
    void the_document_and_the_policy_table_name_the_same_operations() {
        Set<String> inCode = PolicyTable.STANDARD.operations().stream().map(Operation::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(inCode, new TreeSet<>(DOCUMENT.operations()));
    }

    @Test
    void every_operation_of_every_driving_port_has_a_row() {
        Set<String> ports = Stream.of(CrmOperations.ALL, FinanceOperations.ALL, RecoveryOperations.ALL,
                        AuditOperations.ALL, IntegrationOperations.ALL)
                .flatMap(List::stream).map(Operation::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> inCode = PolicyTable.STANDARD.operations().stream().map(Operation::name)
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(ports, inCode);
    }

    @Test
    void every_cell_of_the_document_is_the_policy_tables_decision() {
        List<String> differences = new ArrayList<>();
        for (Operation operation : PolicyTable.STANDARD.operations()) {
            for (Role role : Role.values()) {
                Rule code = PolicyTable.STANDARD.rule(operation, role);
                Rule written = DOCUMENT.rule(operation, role);
                if (code != written) {
                    differences.add(operation + " × " + role + ": code " + code + ", document " + written);
                }
            }
        }

        assertEquals(List.of(), differences);
    }

    @Test
    void the_parser_reads_yes_no_and_own_cells_and_refuses_anything_else() {
        List<String> table = List.of("| operation | ADMIN | FINANCE | AGENT | TALENT | BRAND | SYSTEM | note |",
                "|---|---|---|---|---|---|---|---|",
                "| `crm.getDeal` | yes | no | own deals | own deals | no | yes | read |");
        AuthorizationDocument parsed = AuthorizationDocument.parse(table);

        assertEquals(Set.of("crm.getDeal"), parsed.operations());
        assertEquals(Rule.ALLOW, parsed.rule(CrmOperations.GET_DEAL, Role.ADMIN));
        assertEquals(Rule.DENY, parsed.rule(CrmOperations.GET_DEAL, Role.FINANCE));
        assertEquals(Rule.OWN, parsed.rule(CrmOperations.GET_DEAL, Role.AGENT));
        assertEquals(Rule.ALLOW, parsed.rule(CrmOperations.GET_DEAL, Role.SYSTEM));
        assertThrows(AssertionError.class, () -> AuthorizationDocument.parse(List.of(table.get(0), table.get(1),
                "| `crm.getDeal` | yes | maybe | own deals | own deals | no | yes | read |")));
        assertThrows(AssertionError.class, () -> AuthorizationDocument.parse(List.of(table.get(0), table.get(1),
                table.get(2), table.get(2))), "an operation named twice");
        assertThrows(AssertionError.class, () -> parsed.rule(CrmOperations.GET_BRAND, Role.ADMIN));
        assertTrue(DOCUMENT.operations().size() >= 30, "the repository's document parsed whole");
    }
}
