package com.breakagency.ports.model.crm;

/** Whether a brand is worked with. */
public enum BrandStatus {
    /** In use. */
    ACTIVE,
    /** Kept for the record; hidden from default listings. */
    ARCHIVED
}
