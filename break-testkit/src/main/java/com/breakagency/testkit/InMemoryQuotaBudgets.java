package com.breakagency.testkit;

import com.breakagency.ports.spi.QuotaBudgets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * {@link QuotaBudgets} in memory: one window per key, spent atomically under one lock. A spend counts at once
 * and is not undone by a rollback (units spent at a provider stay spent), as the relational store's is when
 * the caller gives each spend a unit of work of its own, as the mail sync does. Thread-safe.
 */
public final class InMemoryQuotaBudgets implements QuotaBudgets {

    private record Window(Instant start, int spent) {
    }

    private final Map<String, Window> windows = new HashMap<>();

    /** An empty store. */
    public InMemoryQuotaBudgets() {
    }

    @Override
    public synchronized boolean trySpend(String key, Instant windowStart, int units, int limit) {
        if (units < 1) {
            throw new IllegalArgumentException("units must be 1 or more");
        }
        Window current = windows.get(key);
        if (current != null && current.start().isAfter(windowStart)) {
            return false;
        }
        int spent = current != null && current.start().equals(windowStart) ? current.spent() : 0;
        if (spent + units > limit) {
            return false;
        }
        windows.put(key, new Window(windowStart, spent + units));
        return true;
    }

    @Override
    public synchronized int spent(String key, Instant windowStart) {
        Window current = windows.get(key);
        return current != null && current.start().equals(windowStart) ? current.spent() : 0;
    }
}
