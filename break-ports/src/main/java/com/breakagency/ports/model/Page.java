package com.breakagency.ports.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a keyset-paginated listing.
 *
 * @param items      the items, in the listing's order
 * @param nextCursor an opaque cursor for the next page; empty on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {

    /**
     * Copies.
     *
     * @param items the items, in the listing's order
     * @param nextCursor an opaque cursor for the next page; empty on the last page
     */
    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Objects.requireNonNull(nextCursor, "nextCursor");
    }
}
