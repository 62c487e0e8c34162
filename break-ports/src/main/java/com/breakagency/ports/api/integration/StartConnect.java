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
public record StartConnect(@NotNull Provider provider, @NotNull @Pattern(regexp = StartConnect.REDIRECT_URI) String redirectUri) {

    /** What a redirect URI looks like: {@code http(s)://} and 1 to 1,990 printable ASCII characters. */
    public static final String REDIRECT_URI = Patterns.REDIRECT_URI;

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
