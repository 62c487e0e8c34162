package com.breakagency.ports.model.crm;

/**
 * Who may read a timeline entry. Every entry is internal unless its author shares it: the agency's staff
 * read both kinds, the BRAND and TALENT portal users of the subject only the shared ones.
 */
public enum Visibility {
    /** The agency's own: staff only. The default. */
    INTERNAL,
    /** Shared by its author with the portal users of the subject (its brand, its talent). */
    SHARED
}
