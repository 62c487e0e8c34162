package com.breakagency.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The money-out example prints each step of the README's worked example. */
class MoneyOutExampleTest {

    @Test
    void the_refund_after_the_payout_is_clawed_back_by_the_next_payout_and_the_statement_closes_at_zero() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MoneyOutExample.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);

        assertTrue(printed.contains("payout GBP 800.00 PAID transfer-1"), printed);
        assertTrue(printed.contains("payout GBP 200.00 PAID transfer-2"), printed);
        assertTrue(printed.contains("reversal GBP -400.00 CLAWBACK"), printed);
        assertTrue(printed.contains("statement: opening GBP 0.00, earned GBP 1400.00, reversed GBP -400.00,"
                + " paid out GBP 1000.00, closing GBP 0.00"), printed);
    }
}
