package com.breakagency.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void the_quick_start_walks_through_every_step_a_newcomer_reads_about() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("is refused: CONFLICT/INVALID_STATE_TRANSITION"), printed);
        assertTrue(printed.contains("belongs to: Northwind Coffee"), printed);
        assertTrue(printed.contains("DEAL_STAGE_CHANGED by agent-ana"), printed);
    }
}
