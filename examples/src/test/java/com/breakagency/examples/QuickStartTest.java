package com.breakagency.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void the_quick_start_walks_through_every_step_a_newcomer_reads_about() {
        String printed = run();
        assertTrue(printed.contains("0. Storing everything in an embedded H2 database"), printed);
        assertTrue(printed.contains("is refused: CONFLICT/INVALID_STATE_TRANSITION"), printed);
        assertTrue(printed.contains("belongs to: Northwind Coffee"), printed);
        assertTrue(printed.contains("DEAL_STAGE_CHANGED by agent-ana"), printed);
    }

    @Test
    void a_second_run_starts_from_a_fresh_database() {
        run();
        String printed = run();
        assertTrue(printed.contains("1. Created brand 'Northwind Coffee'"), printed);
        assertTrue(printed.contains("belongs to: Northwind Coffee"), printed);
    }

    private static String run() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
