package com.breakagency.ports.api.integration;

import com.breakagency.ports.validation.Patterns;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Completes a connect flow with what the provider sent back to the redirect URI. The state is checked by
 * the use case alone (any text up to 512 characters is looked up), so a tampered state is rejected exactly
 * like an unknown one. {@link #toString()} shows neither value.
 *
 * @param state the {@code state} parameter of the callback
 * @param code  the {@code code} parameter of the callback: 1 to 2,048 printable ASCII characters
 */
public record CompleteConnect(@NotNull @Size(max = 512) String state,
                              @NotNull @Pattern(regexp = Patterns.AUTHORIZATION_CODE) String code) {

    /**
     * The callback's two parameters.
     *
     * @param state the state
     * @param code  the code
     * @return the command
     */
    public static CompleteConnect of(String state, String code) {
        return new CompleteConnect(state, code);
    }

    @Override
    public String toString() {
        return "CompleteConnect[state=…, code=…]";
    }
}
