package com.breakagency.core.recovery;

import com.breakagency.ports.model.Money;
import com.breakagency.testkit.AgencyFixture;
import com.breakagency.core.TestAgencies;
import com.breakagency.core.BreakAgency;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.breakagency.core.policy.PolicyTable;
import com.breakagency.core.boundary.Rule;
import com.breakagency.ports.api.recovery.StepQuery;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.work.StepStatus;
import com.breakagency.ports.model.work.WorkStep;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Diagnostics and recovery are for ADMIN and SYSTEM only, as the architecture's matrix says: every other
 * role gets FORBIDDEN, for a step that exists and one that does not alike, and nothing is written.
 */
class RecoveryAuthorizationTest {

    private static final Set<Role> ALLOWED = EnumSet.of(Role.ADMIN, Role.SYSTEM);

    /** One operation, called on a world with a DEAD step. */
    record Op(String name, BiConsumer<AgencyFixture<BreakAgency>, OperationContext> call) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Op> operations() {
        return List.of(
                new Op("health", (o, c) -> o.agency().diagnostics().health(c)),
                new Op("listSteps", (o, c) -> o.agency().recovery().listSteps(c, StepQuery.first(10))),
                new Op("retryStep", (o, c) -> o.agency().recovery().retryStep(c, o.steps(StepStatus.DEAD).get(0).id())),
                new Op("retryMissingStep", (o, c) -> o.agency().recovery().retryStep(c, "no-such-step")),
                new Op("runJanitor", (o, c) -> o.agency().recovery().runJanitor(c)));
    }

    static Stream<Arguments> everyOperationAndRole() {
        return operations().stream().flatMap(op -> Stream.of(Role.values()).map(role -> Arguments.of(op, role)));
    }

    static OperationContext as(Role role) {
        return AgencyFixture.anyoneIn(role);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyOperationAndRole")
    void only_admins_and_the_system_may(Op op, Role role) {
        try (AgencyFixture<BreakAgency> office = TestAgencies.inMemory()) {
            office.payInFull(office.anIssuedInvoice(office.aTalentManagedBy(null), Money.of(1_000, "GBP")));
            WorkStep claim = office.stores().workQueue().claimDue("w", office.clock().instant(), Duration.ofMinutes(1), 1).get(0);
            office.stores().workQueue().fail(claim.id(), "w", claim.version(), "gave up", office.clock().instant(), true);

            if (ALLOWED.contains(role)) {
                if (op.name().equals("retryMissingStep")) {
                    BreakException e = assertThrows(BreakException.class, () -> op.call().accept(office, as(role)));
                    assertEquals(ErrorCode.NOT_FOUND, e.code());
                } else {
                    op.call().accept(office, as(role));
                }
                return;
            }
            BreakException e = assertThrows(BreakException.class, () -> op.call().accept(office, as(role)));
            assertEquals(ErrorCode.FORBIDDEN, e.code());
            assertEquals(StepStatus.DEAD, office.stores().workQueue().findById(claim.id()).orElseThrow().status());
            assertEquals(List.of(), office.auditEvents(AuditAction.STEP_RETRIED));
            assertEquals(List.of(), office.auditEvents(AuditAction.JANITOR_RAN));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsOfTheTable")
    void the_policy_table_allows_exactly_admin_and_system(com.breakagency.core.boundary.Operation operation) {
        for (Role role : Role.values()) {
            assertEquals(ALLOWED.contains(role) ? Rule.ALLOW : Rule.DENY, PolicyTable.STANDARD.rule(operation, role),
                    operation + " for " + role);
        }
    }

    static List<com.breakagency.core.boundary.Operation> operationsOfTheTable() {
        return RecoveryOperations.ALL;
    }
}
