package com.breakagency.ports.api.integration;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Starts connecting the caller's account at a provider.
 *
 * @param provider    the provider
 * @param redirectUri where the provider sends the browser back: an absolute {@code http} or {@code https}
 *                    URI of printable ASCII, at most 2,000 characters, registered with the provider
 */
public record StartConnect(@NotNull Provider provider, @NotNull @Pattern(regexp = StartConnect.REDIRECT_URI,
        message = StartConnect.REDIRECT_URI_MESSAGE) String redirectUri) {

    /** What a redirect URI looks like: {@code http(s)://} and 1 to 1,990 printable ASCII characters. */
    public static final String REDIRECT_URI = Patterns.REDIRECT_URI;

    /** What a field error says of a redirect URI not of the form {@link #REDIRECT_URI}. */
    public static final String REDIRECT_URI_MESSAGE =
            "must be an http or https URL of printable characters without spaces, at most 1997 characters";

    /**
     * Connects an account at a provider, coming back to a redirect URI.
     *
     * @param provider    the provider
     * @param redirectUri the redirect URI
     * @return the command
     */
    public static StartConnect of(Provider provider, String redirectUri) {
        return new StartConnect(provider, redirectUri);
    }
}
