package com.breakagency.core.integration;

import com.breakagency.core.boundary.Operation;
import java.util.List;

/** The names of the integrations operations, as the policy table, the MDC and reports know them. */
public final class IntegrationOperations {

    /** Starts a connect flow. */
    public static final Operation START_CONNECT = new Operation("integrations.startConnect");
    /** Completes a connect flow. */
    public static final Operation COMPLETE_CONNECT = new Operation("integrations.completeConnect");
    /** Disconnects a connection. */
    public static final Operation DISCONNECT = new Operation("integrations.disconnect");
    /** Lists connections. */
    public static final Operation LIST_CONNECTIONS = new Operation("integrations.listConnections");
    /** Reads a connection. */
    public static final Operation GET_CONNECTION = new Operation("integrations.getConnection");
    /** Hands out a connection's access token. */
    public static final Operation ACCESS_TOKEN = new Operation("integrations.accessToken");

    /** Syncs a connection's mail now. */
    public static final Operation RESYNC = new Operation("integrations.resync");

    /** Every operation a caller can run, in the policy table's order. */
    public static final List<Operation> ALL = List.of(START_CONNECT, COMPLETE_CONNECT, DISCONNECT, LIST_CONNECTIONS,
            GET_CONNECTION, ACCESS_TOKEN, RESYNC);

    private IntegrationOperations() {
    }
}
