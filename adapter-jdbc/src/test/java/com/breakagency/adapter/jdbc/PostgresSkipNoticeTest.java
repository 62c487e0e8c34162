package com.breakagency.adapter.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.TestAbortedException;

/** The console hears once, at the end of the run, that and why the PostgreSQL tests were skipped. */
class PostgresSkipNoticeTest {

    private static final String REASON = PostgresSkipNotice.REASON_PREFIX + " at jdbc:postgresql://127.0.0.1:1/test"
            + " (PSQLException, SQLState 08001). Start it (for example: pg_ctlcluster <version> main start) or point "
            + TestDatabase.POSTGRES_URL_VARIABLE + " at a server to run the PostgreSQL tests.";

    private final List<String> console = new ArrayList<>();
    private final PostgresSkipNotice notice = new PostgresSkipNotice(console::add);

    @Test
    void skipped_classes_of_either_engine_and_aborted_tests_make_one_line_at_the_end_of_the_run() {
        notice.executionSkipped(identifier("[engine:junit-jupiter]/[class:A]", ClassSource.from("a.PostgresA")), REASON);
        notice.executionSkipped(identifier("[engine:jqwik]/[class:B]", ClassSource.from("a.PostgresB")), REASON);
        notice.executionFinished(identifier("[engine:junit-jupiter]/[class:C]/[method:m]",
                MethodSource.from("a.PostgresC", "m")), TestExecutionResult.aborted(new TestAbortedException(REASON)));
        notice.executionFinished(identifier("[engine:junit-jupiter]/[class:C]/[method:n]",
                MethodSource.from("a.PostgresC", "n")), TestExecutionResult.aborted(new TestAbortedException(REASON)));
        assertEquals(List.of(), console, "nothing before the run ends");

        notice.testPlanExecutionFinished(null);
        notice.testPlanExecutionFinished(null);

        assertEquals(List.of("PostgreSQL tests SKIPPED (3 test classes): " + REASON), console);
    }

    @Test
    void other_skips_and_a_run_where_postgresql_was_reachable_say_nothing() {
        notice.executionSkipped(identifier("[engine:junit-jupiter]/[class:A]", ClassSource.from("a.A")), "disabled by hand");
        notice.executionFinished(identifier("[engine:junit-jupiter]/[class:B]", ClassSource.from("a.B")),
                TestExecutionResult.aborted(new TestAbortedException("assumption failed")));
        notice.executionFinished(identifier("[engine:junit-jupiter]/[class:C]", ClassSource.from("a.C")),
                TestExecutionResult.successful());

        notice.testPlanExecutionFinished(null);

        assertEquals(List.of(), console);
    }

    private static TestIdentifier identifier(String uniqueId, TestSource source) {
        TestDescriptor descriptor = new AbstractTestDescriptor(UniqueId.parse(uniqueId), uniqueId, source) {
            @Override
            public Type getType() {
                return Type.CONTAINER;
            }
        };
        return TestIdentifier.from(descriptor);
    }
}
