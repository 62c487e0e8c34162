package com.breakagency.core;

import com.breakagency.core.boundary.AccessPolicy;

/**
 * The one authorization table of Break: every driving-port operation × every role. Use cases carry no
 * guards of their own; an operation missing here is denied to everyone.
 */
final class PolicyTable {

    /** The agency's standard table. */
    static final AccessPolicy STANDARD = AccessPolicy.builder().build();

    private PolicyTable() {
    }
}
