package com.breakagency.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick start, on the embedded H2 database whatever the environment says, read as a newcomer reads it. */
class QuickStartTest {

    @Test
    void the_quick_start_walks_through_every_step_a_newcomer_reads_about() {
        String printed = run();
        assertTrue(printed.contains("0. Storing everything in an embedded H2 database"), printed);
        assertTrue(printed.contains("is refused: CONFLICT/INVALID_STATE_TRANSITION, \"A deal cannot move from"
                + " CONTRACT_SIGNED to PAYMENT_RECEIVED.\""), printed);
        assertTrue(printed.contains("belongs to: Northwind Coffee"), printed);
        assertTrue(printed.contains("Break drafted its invoice: GBP 12500.00, DRAFT"), printed);
        assertTrue(printed.contains("issued it: invoice number 1, due "), printed);
        assertTrue(printed.contains("finance moved the deal to PAYMENT_RECEIVED"), printed);
        assertTrue(printed.contains("agent-ana moved the deal from CONTRACT_SIGNED to PAYMENT_PENDING."), printed);
        assertTrue(printed.contains("finance-fay marked the invoice paid (GBP 12500.00 received)."), printed);
    }

    @Test
    void eight_threads_marking_the_invoice_paid_at_once_make_one_payment_and_one_commission_set() {
        String printed = run();
        List<String> threads = printed.lines().filter(line -> line.startsWith("   thread ")).toList();

        assertEquals(8, threads.size(), printed);
        assertEquals(1, threads.stream().filter(line -> line.contains(": paid - payment of GBP 12500.00, 3 commission"
                + " lines, invoice PAID")).count(), printed);
        assertEquals(7, threads.stream().filter(line -> line.contains(": replay - ") || line.contains(": conflict - "))
                .count(), printed);
        assertTrue(printed.contains("In all: 1 paid, "), printed);
        assertTrue(printed.contains("1 payment(s) and exactly one commission set (3 lines)"), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+talent\\s+Maya Lopez\\s+80%\\s+GBP 10000\\.00")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+house\\s+house\\s+15%\\s+GBP 1875\\.00")), printed);
        assertTrue(printed.lines().anyMatch(l -> l.matches("\\s+agent\\s+agent-ana\\s+5%\\s+GBP 625\\.00")), printed);
        assertEquals(3, printed.lines().filter(l -> l.contains(" allocated GBP ")).count(), printed);
        assertEquals(1, printed.lines().filter(l -> l.contains(" recorded a payment of ")).count(), printed);
    }

    @Test
    void the_numbered_story_is_not_interleaved_with_library_log_lines() {
        String printed = run();
        List<String> strays = printed.lines().filter(line -> !line.isBlank())
                .filter(line -> !line.matches("\\d+\\. .*") && !line.startsWith("   ")).toList();
        assertEquals(List.of(), strays, printed);
        assertFalse(printed.contains("[log]"), printed);
    }

    @Test
    void a_second_run_starts_from_a_fresh_database() {
        run();
        String printed = run();
        assertTrue(printed.contains("1. Agent Ana created the brand 'Northwind Coffee'"), printed);
        assertTrue(printed.contains("invoice number 1,"), printed);
    }

    private static String run() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            QuickStart.run(null);
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
