package com.breakagency.ports.model;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of one currency in its minor units (pence, cents; yen have none). Arithmetic across
 * currencies is an error, so nothing ever adds GBP to USD.
 *
 * @param minorUnits the amount in minor units; may be negative for differences
 * @param currency   the ISO 4217 currency
 */
public record Money(long minorUnits, Currency currency) {

    /**
     * Validates.
     *
     * @param minorUnits the amount in minor units; may be negative for differences
     * @param currency the ISO 4217 currency
     * @throws NullPointerException     if the currency is null
     * @throws IllegalArgumentException for a currency without minor-unit digits (such as XXX)
     */
    public Money {
        Objects.requireNonNull(currency, "currency");
        if (currency.getDefaultFractionDigits() < 0) {
            throw new IllegalArgumentException("currency must have minor units; " + currency.getCurrencyCode() + " has none");
        }
    }

    /**
     * An amount in minor units.
     *
     * @param minorUnits the amount
     * @param currencyCode an ISO 4217 code such as {@code GBP}, in upper case
     * @return the money
     * @throws NullPointerException     if the code is null
     * @throws IllegalArgumentException for a code the JDK does not know (the message does not repeat it), or
     *                                  a currency without minor units (such as XXX)
     */
    public static Money of(long minorUnits, String currencyCode) {
        Objects.requireNonNull(currencyCode, "currencyCode");
        Currency currency;
        try {
            currency = Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException("currencyCode must be an ISO 4217 currency code such as GBP");
        }
        return new Money(minorUnits, currency);
    }

    /**
     * Zero of a currency.
     *
     * @param currency the currency
     * @return zero
     * @throws NullPointerException     if the currency is null
     * @throws IllegalArgumentException for a currency without minor units
     */
    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    /**
     * The sum.
     *
     * @param other an amount of the same currency
     * @return the sum
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException on overflow
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * The difference.
     *
     * @param other an amount of the same currency
     * @return this minus other
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException on overflow
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    /**
     * Whether the amount is below zero.
     *
     * @return true if negative
     */
    public boolean isNegative() {
        return minorUnits < 0;
    }

    /**
     * Whether the amount is zero.
     *
     * @return true if zero
     */
    public boolean isZero() {
        return minorUnits == 0;
    }

    /**
     * The amount in major units, for display.
     *
     * @return such as {@code 1234.50}
     */
    public BigDecimal toMajorUnits() {
        return BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits());
    }

    /**
     * Checks that another amount is of this currency.
     *
     * @param other another amount
     * @throws NullPointerException     if the other amount is null
     * @throws IllegalArgumentException if the currencies differ
     */
    public void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    /** Such as {@code GBP 1234.50}. */
    @Override
    public String toString() {
        return currency.getCurrencyCode() + " " + toMajorUnits().toPlainString();
    }
}
