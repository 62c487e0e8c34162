package com.breakagency.adapter.jdbc;

import static com.breakagency.adapter.jdbc.FaultFixtures.counts;
import static com.breakagency.adapter.jdbc.FaultFixtures.snapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.Reason;
import java.util.List;
import java.util.Map;

/**
 * Every fault point of one operation: its statements and commits are counted on an undisturbed run, then each
 * in turn is failed on a fresh fixture, and the test checks what the failure left and that the retry does the
 * work once.
 */
final class FaultPoints {

    /** One operation on a fresh fixture. */
    interface Operation {
        void run() throws Exception;
    }

    /** Makes the fixture through the agency; returns the operation to fail. */
    interface Fixture {
        Operation prepare() throws Exception;
    }

    /**
     * One injected fault, after the failed call.
     *
     * @param name      the operation and the statement or commit that failed, for messages
     * @param commit    whether the commit failed (else a statement)
     * @param failure   what the call threw, or null
     * @param before    every table before the call
     * @param done      every table after the undisturbed run
     * @param operation the call, to retry
     */
    record Point(String name, boolean commit, BreakException failure, Map<String, List<String>> before,
                 Map<String, List<String>> done, Operation operation) {
    }

    /** What the test checks at one fault point: what the failure left, then the retry. */
    interface Check {
        void at(Point point) throws Exception;
    }

    /** Statements and commits counted on the undisturbed run, and the fault points tried. */
    record Counted(int statements, int commits, int tried) {
    }

    private FaultPoints() {
    }

    static Counted tryEach(String name, TestDatabase db, String schema, FaultyDataSource faulty, Fixture fixture,
                           Check check) throws Exception {
        db.freshPersistence();
        Operation undisturbed = fixture.prepare();
        faulty.reset();
        undisturbed.run();
        int statements = faulty.statements();
        int commits = faulty.commits();
        Map<String, List<String>> done = snapshot(db, schema);
        assertTrue(statements > 0, name + " ran no statement");
        assertTrue(commits > 0, name + " committed nothing");
        System.out.println(name + ": " + statements + " statement(s), " + commits + " commit(s)");
        int tried = 0;
        for (int k = 1; k <= statements + commits; k++) {
            boolean commit = k > statements;
            int at = commit ? k - statements : k;
            String point = name + ", " + (commit ? "commit " : "statement ") + at;
            db.freshPersistence();
            Operation operation = fixture.prepare();
            Map<String, List<String>> before = snapshot(db, schema);
            if (commit) {
                faulty.failCommit(at);
            } else {
                faulty.failStatement(at);
            }
            BreakException failure = null;
            try {
                operation.run();
            } catch (BreakException e) {
                failure = e;
            }
            assertTrue(faulty.fired(), point + ": the fault was injected");
            tried++;
            faulty.reset();
            check.at(new Point(point, commit, failure, before, done, operation));
        }
        return new Counted(statements, commits, tried);
    }

    /** The call, one unit of work, failed as the database being unreachable and wrote nothing. */
    static void failedWritingNothing(TestDatabase db, String schema, Point point) throws Exception {
        assertTrue(point.failure() != null, point.name() + ": the call failed");
        assertEquals(ErrorCode.PERSISTENCE_UNAVAILABLE, point.failure().code(), point.name());
        assertEquals(point.commit() ? Reason.COMMIT_OUTCOME_UNKNOWN : SqlFailures.DATABASE_UNREACHABLE,
                point.failure().reason(), point.name());
        assertEquals(point.before(), snapshot(db, schema), point.name() + ": nothing was written");
    }

    /** Every table holds as many rows as after the undisturbed run: the retry did the work once. */
    static void didTheWorkOnce(TestDatabase db, String schema, Point point) throws Exception {
        assertEquals(counts(point.done()), counts(snapshot(db, schema)), point.name() + ": the retry did the work once");
    }
}
