package com.breakagency.ports.model.mail;

/** Where a connection's mail sync is. */
public enum MailSyncStatus {
    /** No sync has run yet. */
    NOT_SYNCED,
    /** A sync is under way: its stage and counts are on the state. */
    SYNCING,
    /** Synced: the last sync ended at {@code lastSyncAt}; the incremental sync keeps it current. */
    ACTIVE,
    /** The sync stopped and does not retry by itself (the grant died); the reason is on the state. */
    FAILED
}
