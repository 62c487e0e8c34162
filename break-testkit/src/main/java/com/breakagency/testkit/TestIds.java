package com.breakagency.testkit;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh ids for test records: unique across threads and runs, and ordered by creation when compared as
 * strings, like the ids Break's own generator makes. Each id is the start of the run in milliseconds
 * (13 digits), a sequence number (10 digits) and a random UUID's 32 hex digits: 55 characters of
 * {@code [0-9a-f]}, so any collation orders them the way {@link String#compareTo(String)} does.
 * Thread-safe.
 */
public final class TestIds {

    private static final String RUN = String.format("%013d", System.currentTimeMillis());
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestIds() {
    }

    /**
     * A new id, greater than every id this class made before.
     *
     * @return such as {@code 17676036000000000000042} followed by 32 hex digits
     */
    public static String next() {
        return RUN + String.format("%010d", SEQUENCE.incrementAndGet())
                + UUID.randomUUID().toString().replace("-", "");
    }
}
