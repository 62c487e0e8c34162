package com.breakagency.testkit;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** Keyset paging over an in-memory snapshot, as the stores' contracts define it. */
final class Keyset {

    private Keyset() {
    }

    static <T> List<T> ascendingAfter(List<T> items, Function<T, String> id, Optional<String> afterId, int limit) {
        requireLimit(limit);
        Stream<T> s = items.stream().sorted(Comparator.comparing(id));
        if (afterId.isPresent()) {
            String after = afterId.get();
            s = s.filter(item -> id.apply(item).compareTo(after) > 0);
        }
        return s.limit(limit).toList();
    }

    static <T> List<T> descendingBefore(List<T> items, Function<T, String> id, Optional<String> beforeId, int limit) {
        requireLimit(limit);
        Stream<T> s = items.stream().sorted(Comparator.comparing(id).reversed());
        if (beforeId.isPresent()) {
            String before = beforeId.get();
            s = s.filter(item -> id.apply(item).compareTo(before) < 0);
        }
        return s.limit(limit).toList();
    }

    static boolean startsWithIgnoringCase(String value, Optional<String> prefix) {
        return prefix.isEmpty() || value.regionMatches(true, 0, prefix.get(), 0, prefix.get().length());
    }

    private static void requireLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more");
        }
    }
}
