package com.breakagency.adapter.jdbc;

import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Decides, before a {@link PostgresTest} class runs anything, whether the PostgreSQL server can be reached:
 * for JUnit Jupiter's tests and for jqwik's properties alike. The decision is {@link TestDatabase}'s.
 */
public final class PostgresAvailability implements ExecutionCondition, SkipExecutionHook {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return TestDatabase.postgresUnavailable().map(ConditionEvaluationResult::disabled)
                .orElseGet(() -> ConditionEvaluationResult.enabled("PostgreSQL is reachable"));
    }

    @Override
    public SkipResult shouldBeSkipped(LifecycleContext context) {
        return TestDatabase.postgresUnavailable().map(SkipResult::skip).orElseGet(SkipResult::doNotSkip);
    }
}
