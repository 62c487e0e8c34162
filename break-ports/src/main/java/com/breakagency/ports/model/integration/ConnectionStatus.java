package com.breakagency.ports.model.integration;

/** Where a connection is. A connection is connected exactly when it is {@link #CONNECTED}. */
public enum ConnectionStatus {
    /** Its tokens work (or a transient failure is being retried): Break may call the provider for it. */
    CONNECTED,
    /** The provider refused its refresh token for good: nothing calls the provider until the user reconnects. */
    NEEDS_REAUTH,
    /** The user disconnected it: its tokens are deleted (and revoked at the provider where that worked). */
    DISCONNECTED
}
