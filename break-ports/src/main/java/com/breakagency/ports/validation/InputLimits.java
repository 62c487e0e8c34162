package com.breakagency.ports.validation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * The limits every value a host passes to Break must keep, chosen so that every store (the in-memory
 * adapter, H2, PostgreSQL) can keep the value exactly and every sum Break computes fits a {@code long}.
 * The boundary checks them for every command, query, id, cursor, {@code Actor} and
 * {@code OperationContext}, after the record's own constraint annotations:
 * <ul>
 *   <li>every text is well-formed UTF-16 (no lone surrogate) and holds no control character (no NUL, no
 *       line or paragraph separator); only a component marked {@link Multiline} may hold line feeds,
 *       carriage returns and tabs;</li>
 *   <li>every date lies in {@link #MIN_DATE}..{@link #MAX_DATE} and every instant in
 *       {@link #MIN_INSTANT}..{@link #MAX_INSTANT} (years 0001 to 9999, which PostgreSQL, H2 and
 *       {@code java.time} all keep);</li>
 *   <li>every amount is at most {@link #MAX_MINOR_UNITS};</li>
 *   <li>an actor's user id has at most {@link #MAX_USER_ID_LENGTH} characters, its talent and brand ids
 *       are ids ({@link Patterns#ID}).</li>
 * </ul>
 * A value outside them is VALIDATION_FAILED with a field error whose pointer names it ({@code #/name},
 * {@code #/lines/0/amount}; for the context, {@code #/context/actor/userId}); the message never repeats
 * the value.
 */
public final class InputLimits {

    /**
     * The largest amount, in minor units, a command may carry: 10<sup>15</sup> (ten trillion pounds).
     * Shares of it times basis points stay far inside a {@code long}; sums Break computes over many
     * records are computed exactly and fail clearly (never wrap) if they leave a {@code long}.
     */
    public static final long MAX_MINOR_UNITS = 1_000_000_000_000_000L;

    /** The earliest date a command may carry: 0001-01-01. */
    public static final LocalDate MIN_DATE = LocalDate.of(1, 1, 1);

    /** The latest date a command may carry: 9999-12-31. */
    public static final LocalDate MAX_DATE = LocalDate.of(9999, 12, 31);

    /** The earliest instant a command may carry: 0001-01-01T00:00:00Z. */
    public static final Instant MIN_INSTANT = MIN_DATE.atStartOfDay().toInstant(ZoneOffset.UTC);

    /** The latest instant a command may carry: 9999-12-31T23:59:59.999999999Z. */
    public static final Instant MAX_INSTANT = MAX_DATE.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC);

    /** The longest user id an actor may have, in UTF-16 code units: what the stores' user-id columns hold. */
    public static final int MAX_USER_ID_LENGTH = 255;

    /** The longest email address, after normalization (lower case), in UTF-16 code units. */
    public static final int MAX_EMAIL_LENGTH = 254;

    /** The longest local part (before the {@code @}) of an email address, after normalization. */
    public static final int MAX_EMAIL_LOCAL_PART_LENGTH = 64;

    /** The longest domain name, after normalization (lower case, no trailing dot). */
    public static final int MAX_DOMAIN_LENGTH = 253;

    /** The longest label of a domain name. */
    public static final int MAX_DOMAIN_LABEL_LENGTH = 63;

    private InputLimits() {
    }
}
