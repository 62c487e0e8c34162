package com.breakagency.adapter.jdbc;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Drops a test class's schema (or shuts its H2 database down) and closes its pools as soon as the class
 * is done, whichever engine ran it (JUnit Jupiter runs the tests, jqwik the properties), so the
 * PostgreSQL server never holds more than one class's connections. Registered through
 * {@code META-INF/services}.
 */
public final class TestDatabaseCleanup implements TestExecutionListener {

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        identifier.getSource().filter(ClassSource.class::isInstance).map(ClassSource.class::cast)
                .ifPresent(source -> TestDatabase.closeFor(source.getClassName()));
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        TestDatabase.closeAll();
    }
}
