package com.breakagency.ports.api;

import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.ConnectionQuery;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.api.integration.SyncRequest;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.integration.Connection;

/**
 * Connections to users' accounts at OAuth providers (Gmail first): connecting, disconnecting, reading
 * them, and handing out access tokens that are refreshed once however many callers ask. Who may run what
 * is in {@code docs/authorization.md}. Every method passes Break's boundary and throws only
 * {@link BreakException}; connections it returns carry no tokens. Thread-safe.
 */
public interface Integrations {

    /**
     * Starts connecting the caller's account: a random single-use state bound to the caller and the
     * provider, expiring after the configured lifetime (10 minutes by default), and a PKCE S256 pair; only
     * the state's hash and the sealed verifier are stored.
     *
     * @param context who calls (the owner-to-be)
     * @param command the provider and redirect URI
     * @return the authorization URL to send the browser to, and when the flow expires
     */
    AuthorizationStart startConnect(OperationContext context, StartConnect command);

    /**
     * Completes a connect flow: takes the state (single use), exchanges the code with the stored verifier,
     * and in one unit of work stores the connection CONNECTED (a reconnect of the same account updates it
     * in place and clears its failure), writes an audit event and queues the initial sync. It does not
     * wait for any sync.
     *
     * @param context who calls: the user who started the flow
     * @param command the callback's state and code
     * @return the connection
     * @throws BreakException VALIDATION_FAILED/AUTHORIZATION_STATE_REJECTED for a state that is reused,
     *                        expired, another user's, unknown or altered, alike and with nothing written;
     *                        VALIDATION_FAILED/AUTHORIZATION_CODE_REJECTED when the provider refuses the code;
     *                        TOKEN_REFRESH_FAILED/CLIENT_CREDENTIALS_REJECTED when it refuses the host's
     *                        client; INTEGRATION_UNAVAILABLE when it cannot be reached (start again)
     */
    Connection completeConnect(OperationContext context, CompleteConnect command);

    /**
     * Disconnects a connection: revokes the token at the provider when it can (a failed revoke does not keep
     * the tokens), deletes the tokens, DISCONNECTED, audited. Disconnecting again changes nothing.
     *
     * @param context      who calls
     * @param connectionId the connection
     * @return the connection as stored afterwards
     */
    Connection disconnect(OperationContext context, String connectionId);

    /**
     * Lists connections: a user sees their own, ADMIN and SYSTEM everyone's.
     *
     * @param context who calls
     * @param query   filters, cursor and page size
     * @return one page, in ascending id order
     */
    Page<Connection> listConnections(OperationContext context, ConnectionQuery query);

    /**
     * Reads a connection: a user their own, ADMIN and SYSTEM any.
     *
     * @param context      who calls
     * @param connectionId the connection
     * @return the connection
     */
    Connection getConnection(OperationContext context, String connectionId);

    /**
     * An access token of a connection, for a call to the provider (SYSTEM): valid for at least the
     * configured skew (5 minutes by default), refreshed first if need be, with one refresh in flight per
     * connection across threads and service instances. A connection that needs reauthorization answers at
     * once, with no call to the provider.
     *
     * @param context      who calls
     * @param connectionId the connection
     * @param request      the current token, or a replacement for one the provider refused with a 401
     * @return the token
     * @throws BreakException TOKEN_REFRESH_FAILED/REFRESH_TOKEN_REVOKED once the grant is dead (reported once,
     *                        when it died); TOKEN_REFRESH_FAILED/TOKEN_ENDPOINT_UNAVAILABLE (retryable, with a
     *                        retry-after) while the provider is away and the stored token has expired;
     *                        TOKEN_REFRESH_FAILED/CLIENT_CREDENTIALS_REJECTED when the host's client is refused;
     *                        CONFLICT/INVALID_STATE_TRANSITION for a disconnected connection
     */
    AccessToken accessToken(OperationContext context, String connectionId, AccessTokenRequest request);

    /**
     * The current access token of a connection: {@code accessToken(context, connectionId, AccessTokenRequest.current())}.
     *
     * @param context      who calls
     * @param connectionId the connection
     * @return the token
     */
    default AccessToken accessToken(OperationContext context, String connectionId) {
        return accessToken(context, connectionId, AccessTokenRequest.current());
    }

    /**
     * Syncs a connection's mail now (its owner, ADMIN or SYSTEM): queues a sync step, or joins the one
     * running or queued (by its dedup key). A user may ask once per configured interval (1 minute by default).
     *
     * @param context      who calls
     * @param connectionId the connection
     * @return the step that syncs, and whether the request joined one
     * @throws BreakException RATE_LIMITED/SYNC_REQUESTED_TOO_OFTEN with a retry-after when asked again too
     *                        soon; CONFLICT/INVALID_STATE_TRANSITION when the connection is not connected
     *                        (without a mail source the queued step completes at once)
     */
    SyncRequest resync(OperationContext context, String connectionId);
}
