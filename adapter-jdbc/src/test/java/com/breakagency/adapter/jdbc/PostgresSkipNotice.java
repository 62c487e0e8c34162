package com.breakagency.adapter.jdbc;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says once on the console, when the run is done, that the PostgreSQL tests were skipped, why, and how to
 * run them; without it the reason is only in the test reports. Counts the test classes skipped because
 * {@link TestDatabase} found the server unreachable, whichever engine skipped them (JUnit Jupiter's
 * condition, jqwik's skip hook, or an aborted test). Under {@code CI=true} those tests fail instead, so
 * nothing is skipped and nothing is said. Registered through {@code META-INF/services}.
 */
public final class PostgresSkipNotice implements TestExecutionListener {

    /** How {@link TestDatabase#postgresUnavailable()} starts its reason. */
    static final String REASON_PREFIX = "PostgreSQL is not reachable";

    private final Consumer<String> console;
    private final Set<String> skippedClasses = new TreeSet<>();
    private String reason;

    /** Prints to standard output, which the build shows on its console. */
    public PostgresSkipNotice() {
        this(System.out::println);
    }

    PostgresSkipNotice(Consumer<String> console) {
        this.console = console;
    }

    @Override
    public synchronized void executionSkipped(TestIdentifier identifier, String skipReason) {
        note(identifier, skipReason);
    }

    @Override
    public synchronized void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            note(identifier, result.getThrowable().map(Throwable::getMessage).orElse(null));
        }
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        if (reason != null) {
            int classes = skippedClasses.size();
            console.accept("PostgreSQL tests SKIPPED (" + classes + " test class" + (classes == 1 ? "" : "es")
                    + "): " + reason);
        }
        reason = null;
        skippedClasses.clear();
    }

    private void note(TestIdentifier identifier, String skipReason) {
        if (skipReason == null || !skipReason.startsWith(REASON_PREFIX)) {
            return;
        }
        reason = skipReason;
        identifier.getSource().flatMap(PostgresSkipNotice::className).ifPresent(skippedClasses::add);
    }

    private static Optional<String> className(TestSource source) {
        if (source instanceof ClassSource classSource) {
            return Optional.of(classSource.getClassName());
        }
        if (source instanceof MethodSource methodSource) {
            return Optional.of(methodSource.getClassName());
        }
        return Optional.empty();
    }
}
