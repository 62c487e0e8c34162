package com.breakagency.core.integration;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.ErrorCode;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.error.Reason;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.ConnectionError;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.oauth.OAuthFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The errors integrations answer with. Their details name identifiers, codes and statuses only: never a
 * token, an address or a provider's message text.
 */
final class Failures {

    static final String CONNECTION = "connection";

    private Failures() {
    }

    /** The one answer to a state that is not the caller's pending authorization, whatever the cause. */
    static BreakException stateRejected() {
        return BreakException.builder(ErrorCode.VALIDATION_FAILED).reason(Reason.AUTHORIZATION_STATE_REJECTED)
                .detail("This connect link is not valid any more. Start connecting again.")
                .fieldErrors(List.of(new FieldError("#/state", "AuthorizationState",
                        "is not a pending authorization of yours; start connecting again")))
                .build();
    }

    static BreakException codeRejected(OAuthFailure failure) {
        return BreakException.builder(ErrorCode.VALIDATION_FAILED).reason(Reason.AUTHORIZATION_CODE_REJECTED)
                .detail("The provider refused the authorization code (" + failure.errorCode() + "). Start connecting again.")
                .metadata("providerError", failure.errorCode())
                .fieldErrors(List.of(new FieldError("#/code", "AuthorizationCode",
                        "was refused by the provider; start connecting again")))
                .build();
    }

    static BreakException revoked(Connection connection) {
        return BreakException.builder(ErrorCode.TOKEN_REFRESH_FAILED).reason(Reason.REFRESH_TOKEN_REVOKED)
                .detail("The " + connection.provider() + " connection " + connection.id()
                        + " needs its owner to connect again: the provider refused its grant.")
                .metadata("connectionId", connection.id()).metadata("provider", connection.provider().name())
                .metadata("providerError", connection.lastError().map(ConnectionError::code).orElse("none"))
                .build();
    }

    static BreakException endpointUnavailable(Connection connection, Duration retryAfter) {
        return BreakException.builder(ErrorCode.TOKEN_REFRESH_FAILED).reason(Reason.TOKEN_ENDPOINT_UNAVAILABLE)
                .detail("The " + connection.provider() + " token endpoint could not refresh connection " + connection.id()
                        + " (" + inARow(connection.consecutiveTransientFailures()) + "); Break tries again later.")
                .metadata("connectionId", connection.id()).metadata("provider", connection.provider().name())
                .metadata("providerError", connection.lastError().map(ConnectionError::code).orElse("none"))
                .retryAfter(retryAfter.isNegative() || retryAfter.isZero() ? Duration.ofSeconds(1) : retryAfter)
                .build();
    }

    static BreakException clientRejected(Provider provider, OAuthFailure failure) {
        return BreakException.builder(ErrorCode.TOKEN_REFRESH_FAILED).reason(Reason.CLIENT_CREDENTIALS_REJECTED)
                .detail(provider + " refused this agency's OAuth client (" + failure.errorCode() + ", HTTP "
                        + failure.httpStatus() + "): the client id, client secret or its registration is wrong.")
                .metadata("provider", provider.name()).metadata("providerError", failure.errorCode())
                .build();
    }

    static BreakException providerUnavailable(Provider provider, OAuthFailure failure) {
        BreakException.Builder error = BreakException.builder(ErrorCode.INTEGRATION_UNAVAILABLE)
                .reason(failure.httpStatus() == 429 ? Reason.UPSTREAM_RATE_LIMITED : Reason.PROVIDER_UNAVAILABLE)
                .detail(provider + " could not be reached (" + failure.errorCode() + "). Start connecting again shortly.")
                .metadata("provider", provider.name()).metadata("providerError", failure.errorCode());
        failure.retryAfter().ifPresent(error::retryAfter);
        return error.build();
    }

    static BreakException busy(String connectionId) {
        return BreakException.builder(ErrorCode.INTEGRATION_UNAVAILABLE).reason(Reason.PROVIDER_UNAVAILABLE)
                .detail("Another refresh of connection " + connectionId + " is taking too long. Try again shortly.")
                .metadata("connectionId", connectionId).retryAfter(Duration.ofSeconds(5)).build();
    }

    static BreakException disconnected(Connection connection) {
        return BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                .detail("Connection " + connection.id() + " is disconnected; its owner must connect again.")
                .metadata("connectionId", connection.id()).metadata("status", connection.status().name()).build();
    }

    static BreakException notSyncable(Connection connection) {
        return BreakException.builder(ErrorCode.CONFLICT).reason(Reason.INVALID_STATE_TRANSITION)
                .detail("Connection " + connection.id() + " is " + connection.status()
                        + "; only a connected mailbox syncs.")
                .metadata("connectionId", connection.id()).metadata("status", connection.status().name()).build();
    }

    static BreakException resyncTooSoon(String connectionId, Duration wait) {
        return BreakException.builder(ErrorCode.RATE_LIMITED).reason(Reason.SYNC_REQUESTED_TOO_OFTEN)
                .detail("Connection " + connectionId + " was asked to sync a moment ago. Try again shortly.")
                .metadata("connectionId", connectionId)
                .retryAfter(wait.isNegative() || wait.isZero() ? Duration.ofSeconds(1) : wait).build();
    }

    /** What a connection keeps of a provider failure: the code, Break's reason and sentence. */
    static ConnectionError error(OAuthFailure failure, String reason, Instant at) {
        String message = switch (failure.kind()) {
            case PERMANENT -> "the provider refused the grant (" + failure.errorCode() + "); the owner must connect again";
            case OPERATOR -> "the provider refused the agency's OAuth client (" + failure.errorCode() + ")";
            case TRANSIENT -> "the token endpoint was unavailable (" + failure.errorCode()
                    + (failure.httpStatus() > 0 ? ", HTTP " + failure.httpStatus() : "") + ")";
        };
        return new ConnectionError(failure.errorCode(), reason, message, at,
                failure.kind() == OAuthFailure.Kind.TRANSIENT);
    }

    private static String inARow(int failures) {
        return failures == 1 ? "1 failure" : failures + " failures in a row";
    }
}
