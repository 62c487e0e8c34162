package com.breakagency.testkit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;

/**
 * LogCapture reads logback's events; with another SLF4J backend a host must learn that from the message,
 * not from a ClassCastException.
 */
class LogCaptureBackendTest {

    /** A backend that is not logback, as slf4j-simple or log4j would be. */
    private static final class OtherBackend implements ILoggerFactory {
        @Override
        public Logger getLogger(String name) {
            return NOPLogger.NOP_LOGGER;
        }
    }

    @Test
    void another_slf4j_backend_is_refused_with_a_message_that_says_what_to_add() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> LogCapture.requireLogback(new OtherBackend()));

        String message = refused.getMessage();
        assertTrue(message.contains("logback-classic"), message);
        assertTrue(message.contains("ch.qos.logback:logback-classic"), message);
        assertTrue(message.contains("<scope>test</scope>"), message);
        assertTrue(message.contains(OtherBackend.class.getName()), message);
    }

    @Test
    void no_backend_at_all_is_refused_the_same_way() {
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> LogCapture.requireLogback(null));
        assertTrue(refused.getMessage().contains("ch.qos.logback:logback-classic"), refused.getMessage());
    }

    @Test
    void logback_bound_as_the_backend_passes_and_captures() {
        assertEquals(LogCapture.LOGBACK_FACTORY, LoggerFactory.getILoggerFactory().getClass().getName());
        assertDoesNotThrow(() -> LogCapture.requireLogback(LoggerFactory.getILoggerFactory()));

        try (LogCapture logs = LogCapture.of("com.breakagency.testkit.capture")) {
            LoggerFactory.getLogger("com.breakagency.testkit.capture.child").warn("seen {}", 42);
            assertEquals(1, logs.events("WARN").size());
            assertTrue(logs.allText().contains("seen 42"), logs::allText);
        }
    }
}
