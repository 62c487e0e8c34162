package com.breakagency.ports.model.finance;

/** How a payment reached Break. Every source goes through the same {@code recordPayment}. */
public enum PaymentSource {
    /** Recorded by a person. */
    MANUAL,
    /** From the bank's transaction feed. */
    BANK_FEED,
    /** From a payment processor's webhook. */
    PROCESSOR_WEBHOOK
}
