package com.breakagency.core.internal;

import com.breakagency.ports.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Builds keyset pages from a store's "limit + 1" answer. Stateless. */
public final class Pages {

    private Pages() {
    }

    /**
     * A page from items fetched with one more than the limit: if the extra item is there, there is a
     * next page, and its cursor is the last id of this one.
     *
     * @param fetched up to {@code limit + 1} items in listing order
     * @param limit   the page size
     * @param id      an item's id
     * @param <T>     the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, limit);
        return new Page<>(items, Optional.of(Cursors.after(id.apply(items.get(limit - 1)))));
    }
}
