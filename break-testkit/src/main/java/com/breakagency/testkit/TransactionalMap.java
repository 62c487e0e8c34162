package com.breakagency.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A map whose changes take part in an {@link InMemoryTransactions} unit of work: every change registers
 * its undo, so a rolled-back unit of work leaves the map as it was. The building block of every
 * in-memory store. Safe for use from many threads because every access runs in a unit of work, and
 * units of work run one at a time.
 *
 * @param <K> key type
 * @param <V> value type
 */
public final class TransactionalMap<K, V> {

    private final InMemoryTransactions transactions;
    private final Map<K, V> entries = new LinkedHashMap<>();

    /**
     * Makes an empty map.
     *
     * @param transactions the units of work it takes part in
     */
    public TransactionalMap(InMemoryTransactions transactions) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /**
     * Reads one entry.
     *
     * @param key the key
     * @return the value, if present
     */
    public Optional<V> get(K key) {
        return transactions.inTransaction(() -> Optional.ofNullable(entries.get(key)));
    }

    /**
     * Writes one entry.
     *
     * @param key   the key
     * @param value the value
     */
    public void put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        transactions.inTransaction(() -> {
            boolean existed = entries.containsKey(key);
            V previous = entries.put(key, value);
            transactions.onRollback(() -> {
                if (existed) {
                    entries.put(key, previous);
                } else {
                    entries.remove(key);
                }
            });
            return null;
        });
    }

    /**
     * Writes an entry only if the key is absent: the in-memory form of a unique constraint.
     *
     * @param key   the key
     * @param value the value
     * @return true if written, false if the key was taken
     */
    public boolean putIfAbsent(K key, V value) {
        return transactions.inTransaction(() -> {
            if (entries.containsKey(key)) {
                return false;
            }
            put(key, value);
            return true;
        });
    }

    /**
     * Removes an entry.
     *
     * @param key the key
     * @return the removed value, if there was one
     */
    public Optional<V> remove(K key) {
        return transactions.inTransaction(() -> {
            if (!entries.containsKey(key)) {
                return Optional.<V>empty();
            }
            V previous = entries.remove(key);
            transactions.onRollback(() -> entries.put(key, previous));
            return Optional.of(previous);
        });
    }

    /**
     * The values that match, in insertion order.
     *
     * @param filter the filter
     * @return a snapshot list
     */
    public List<V> values(Predicate<? super V> filter) {
        return transactions.inTransaction(() -> {
            List<V> out = new ArrayList<>();
            for (V value : entries.values()) {
                if (filter.test(value)) {
                    out.add(value);
                }
            }
            return out;
        });
    }

    /**
     * How many entries there are.
     *
     * @return the count
     */
    public int size() {
        return transactions.inTransaction(entries::size);
    }
}
