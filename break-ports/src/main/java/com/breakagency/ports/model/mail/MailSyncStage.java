package com.breakagency.ports.model.mail;

/** What a sync does next. */
public enum MailSyncStage {
    /** Pages every message of the window and fetches those not stored yet. */
    FULL,
    /** Reads the changes since the cursor. */
    INCREMENTAL
}
