package com.breakagency.core.internal;

import com.breakagency.ports.model.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

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

    /**
     * The page a restricted reader sees of a listing that holds at most their own record.
     *
     * @param own     the reader's own record, if any
     * @param matches whether it passes the listing's filters
     * @param after   the cursor's id, if any
     * @param id      a record's id
     * @param <T>     the record type
     * @return a page of zero or one item, with no next page
     */
    public static <T> Page<T> ownRecord(Optional<T> own, Predicate<T> matches, Optional<String> after,
                                        Function<T, String> id) {
        List<T> items = own.filter(matches)
                .filter(record -> after.map(a -> id.apply(record).compareTo(a) > 0).orElse(true))
                .map(List::of).orElse(List.of());
        return new Page<>(items, Optional.empty());
    }

    /**
     * Reads every item of a keyset listing, page by page, in the listing's order.
     *
     * @param fetch  reads one page: the previous page's last id (or empty) and a page size
     * @param id     an item's id
     * @param action what to do with each item
     * @param <T>    the item type
     */
    public static <T> void forEach(BiFunction<Optional<String>, Integer, List<T>> fetch, Function<T, String> id,
                                   Consumer<T> action) {
        final int size = 500;
        Optional<String> after = Optional.empty();
        while (true) {
            List<T> page = fetch.apply(after, size);
            page.forEach(action);
            if (page.size() < size) {
                return;
            }
            after = Optional.of(id.apply(page.get(page.size() - 1)));
        }
    }
}
