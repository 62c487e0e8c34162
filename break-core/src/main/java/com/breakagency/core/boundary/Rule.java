package com.breakagency.core.boundary;

/** What the policy table says about one role for one operation. */
public enum Rule {
    /** The role may run the operation on any record. */
    ALLOW,
    /** The role may run the operation on records it owns; see {@link Access}. */
    OWN,
    /** The role may not run the operation (the default for a role the table does not name). */
    DENY
}
