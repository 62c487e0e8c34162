package com.breakagency.testkit.contract;

import org.junit.jupiter.api.Test;

/**
 * What every contract with property tests extends: without the jqwik engine on the test runtime classpath
 * JUnit would skip those properties without a word, so this class's one plain test fails instead and says
 * which dependency to add.
 */
public abstract class PropertyContract {

    /** The class the jqwik engine registers with the JUnit Platform. */
    static final String JQWIK_ENGINE = "net.jqwik.engine.JqwikTestEngine";

    /** For subclasses. */
    protected PropertyContract() {
    }

    @Test
    void the_jqwik_engine_is_on_the_test_classpath_so_the_property_tests_of_this_contract_run() {
        assertJqwikEngine(getClass().getClassLoader(), getClass().getSimpleName());
    }

    /**
     * Fails unless the loader sees the jqwik engine.
     *
     * @param loader   the test runtime's class loader
     * @param contract the test class, named in the message
     */
    static void assertJqwikEngine(ClassLoader loader, String contract) {
        try {
            Class.forName(JQWIK_ENGINE, false, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(contract + " has property tests, and without the jqwik engine JUnit skips them:"
                    + " add net.jqwik:jqwik in test scope (the engine, not only jqwik-api)", e);
        }
    }
}
