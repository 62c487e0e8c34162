package com.breakagency.adapter.jdbc;

import java.util.ArrayList;
import java.util.List;

/** What every keyset listing shares: the limit check, and reading child rows in bounded IN lists. Stateless. */
final class Paging {

    /** At most this many values go into one IN list. */
    static final int IN_LIST_SIZE = 500;

    private Paging() {
    }

    /** Refuses a page size below one, as every store's contract does. */
    static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
    }

    /** The values in consecutive chunks of at most {@link #IN_LIST_SIZE}. */
    static <T> List<List<T>> chunks(List<T> values) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_LIST_SIZE) {
            chunks.add(values.subList(from, Math.min(values.size(), from + IN_LIST_SIZE)));
        }
        return chunks;
    }
}
