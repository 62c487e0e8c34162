package com.breakagency.adapter.jdbc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that needs the PostgreSQL server: its tests and properties are skipped, with a
 * message saying how to run them, when the server cannot be reached, and fail at once when {@code CI} is
 * {@code true}. See {@link PostgresAvailability}.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailability.class)
@AddLifecycleHook(PostgresAvailability.class)
@interface PostgresTest {
}
