package com.breakagency.ports.model.crm;

/** What a timeline entry is. */
public enum ActivityKind {
    /** A note someone wrote. */
    NOTE,
    /** An email synced from a mailbox. */
    EMAIL
}
