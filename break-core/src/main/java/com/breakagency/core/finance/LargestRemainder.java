package com.breakagency.core.finance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Splits a whole number of minor units by weights so the parts sum exactly to the whole (the largest
 * remainder method): every part first gets the whole-unit floor of its exact share, then the units left
 * over go one each to the parts with the largest remainders.
 *
 * <p>Tie-break: equal remainders are served in the keys' natural order. The result therefore depends only
 * on the amount and the weights, never on the order the keys were given in. Every part is within one
 * minor unit of its exact share and never exceeds the ceiling of it. Stateless.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    /**
     * Allocates an amount.
     *
     * @param amount  a non-negative whole number of minor units
     * @param weights non-negative weights, at least one positive; keys ordered by their natural order
     * @param <K>     the key type
     * @return a part per key, summing exactly to the amount, in key order
     * @throws IllegalArgumentException for a negative amount or weight, or no positive weight
     */
    public static <K extends Comparable<K>> SortedMap<K, Long> allocate(long amount, Map<K, Long> weights) {
        Objects.requireNonNull(weights, "weights");
        if (amount < 0) {
            throw new IllegalArgumentException("amount must not be negative");
        }
        BigInteger total = BigInteger.ZERO;
        for (Long w : weights.values()) {
            if (w < 0) {
                throw new IllegalArgumentException("weights must not be negative");
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("at least one weight must be positive");
        }
        SortedMap<K, Long> parts = new TreeMap<>();
        Map<K, BigInteger> remainders = new LinkedHashMap<>();
        long allocated = 0;
        for (Map.Entry<K, Long> e : new TreeMap<>(weights).entrySet()) {
            BigInteger[] qr = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(e.getValue())).divideAndRemainder(total);
            parts.put(e.getKey(), qr[0].longValueExact());
            remainders.put(e.getKey(), qr[1]);
            allocated += qr[0].longValueExact();
        }
        List<K> byRemainder = new ArrayList<>(remainders.keySet());
        // largest remainder first; equal remainders in key order (the list is in key order and the sort is stable)
        Collections.sort(byRemainder, (a, b) -> remainders.get(b).compareTo(remainders.get(a)));
        long left = amount - allocated;
        for (int i = 0; i < left; i++) {
            K key = byRemainder.get(i);
            parts.put(key, parts.get(key) + 1);
        }
        return parts;
    }
}
