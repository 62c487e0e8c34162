package com.breakagency.ports.spi;

/**
 * Makes the ids of new records. Ids must be unique and should grow with time, so keyset listings in id
 * order are also in creation order and tables that only grow stay append-friendly. Break's default
 * makes UUID version 7 strings. Implementations are thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {

    /**
     * A new id.
     *
     * @return at most 64 characters; ordered by creation time when compared as strings
     */
    String nextId();
}
