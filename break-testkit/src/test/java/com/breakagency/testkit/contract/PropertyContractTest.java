package com.breakagency.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

class PropertyContractTest {

    @Test
    void a_runtime_without_the_jqwik_engine_fails_and_names_the_dependency_to_add() {
        try (URLClassLoader withoutJqwik = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            AssertionError failure = assertThrows(AssertionError.class,
                    () -> PropertyContract.assertJqwikEngine(withoutJqwik, "BrandsContract"));
            assertTrue(failure.getMessage().contains("net.jqwik:jqwik"), failure.getMessage());
            assertTrue(failure.getMessage().contains("BrandsContract"), failure.getMessage());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void a_runtime_with_the_engine_passes() {
        assertDoesNotThrow(() -> PropertyContract.assertJqwikEngine(getClass().getClassLoader(), "BrandsContract"));
    }
}
