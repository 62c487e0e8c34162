package com.breakagency.ports.spi.oauth;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A provider call that failed, classified. It carries what may cross the port: the OAuth error code (or
 * the class of network failure), the HTTP status and the exception's class name, never a token or the
 * provider's message text. An error code that is not of the documented form becomes
 * {@value #UNRECOGNIZED}, so nothing else can travel in it.
 *
 * @param kind           what the failure means for the connection
 * @param errorCode      the OAuth {@code error} ({@code invalid_grant}) or {@code http_503}, {@code timeout},
 *                       {@code connection_failed}, {@code malformed_response}: 1 to 64 of {@code a-z 0-9 _}
 * @param httpStatus     the HTTP status, or 0 when no response came
 * @param exceptionClass the class name of the exception the adapter caught, if any
 * @param retryAfter     how long the provider asked to wait (a 429's or 503's {@code Retry-After})
 */
public record OAuthFailure(Kind kind, String errorCode, int httpStatus, Optional<String> exceptionClass,
                           Optional<Duration> retryAfter) implements TokenResult, RevokeResult {

    /** What an error code that is not of the documented form becomes. */
    public static final String UNRECOGNIZED = "unrecognized_error";

    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,64}");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9_.$]{1,200}");

    /** What a failure means for the connection it happened to. */
    public enum Kind {
        /** The grant is dead ({@code invalid_grant}, {@code unauthorized_client}, {@code invalid_scope}): reconnect. */
        PERMANENT,
        /** The host's client configuration is wrong ({@code invalid_client}, {@code unsupported_grant_type}, {@code invalid_request}). */
        OPERATOR,
        /** The provider or the network is away (5xx, 429, timeout, connection failure, malformed body): try later. */
        TRANSIENT
    }

    /**
     * Checks presence and sanitizes the code and class name.
     *
     * @param kind what the failure means for the connection
     * @param errorCode the OAuth {@code error} ({@code invalid_grant}) or {@code http_503}, {@code timeout},
     *        {@code connection_failed}, {@code malformed_response}: 1 to 64 of {@code a-z 0-9 _}
     * @param httpStatus the HTTP status, or 0 when no response came
     * @param exceptionClass the class name of the exception the adapter caught, if any
     * @param retryAfter how long the provider asked to wait (a 429's or 503's {@code Retry-After})
     */
    public OAuthFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(exceptionClass, "exceptionClass");
        Objects.requireNonNull(retryAfter, "retryAfter");
        String lower = errorCode.toLowerCase(Locale.ROOT);
        errorCode = CODE.matcher(lower).matches() ? lower : UNRECOGNIZED;
        exceptionClass = exceptionClass.filter(name -> CLASS_NAME.matcher(name).matches());
    }

    /**
     * A failure the provider answered with an OAuth error code, classified by the code: the permanent and
     * operator codes of RFC 6749 as documented on {@link Kind}; any other code with a 5xx or 429 status is
     * transient, and any other is an operator failure (reported, the connection left as it is), never a
     * reason to drop a user's grant.
     *
     * @param errorCode  the OAuth {@code error}
     * @param httpStatus the status
     * @return the failure
     */
    public static OAuthFailure fromErrorCode(String errorCode, int httpStatus) {
        return new OAuthFailure(classify(errorCode, httpStatus), errorCode, httpStatus, Optional.empty(), Optional.empty());
    }

    /**
     * A transient failure without an OAuth error code (a 5xx or 429 without a JSON error, a timeout, a
     * connection failure, a malformed body).
     *
     * @param errorCode      {@code http_503}, {@code timeout}, ...
     * @param httpStatus     the status, or 0
     * @param exceptionClass the exception's class name, if any
     * @param retryAfter     the provider's {@code Retry-After}, if any
     * @return the failure
     */
    public static OAuthFailure transientFailure(String errorCode, int httpStatus, Optional<String> exceptionClass,
                                                Optional<Duration> retryAfter) {
        return new OAuthFailure(Kind.TRANSIENT, errorCode, httpStatus, exceptionClass, retryAfter);
    }

    /**
     * How an OAuth error code and status are classified.
     *
     * @param errorCode  the OAuth {@code error}
     * @param httpStatus the status
     * @return the kind
     */
    public static Kind classify(String errorCode, int httpStatus) {
        String code = errorCode == null ? "" : errorCode.toLowerCase(Locale.ROOT);
        switch (code) {
            case "invalid_grant", "unauthorized_client", "invalid_scope", "access_denied", "token_revoked":
                return Kind.PERMANENT;
            case "invalid_client", "unsupported_grant_type", "invalid_request", "unsupported_response_type":
                return Kind.OPERATOR;
            case "temporarily_unavailable", "server_error", "rate_limit_exceeded":
                return Kind.TRANSIENT;
            default:
                return httpStatus >= 500 || httpStatus == 429 || httpStatus == 0 ? Kind.TRANSIENT : Kind.OPERATOR;
        }
    }
}
