package com.breakagency.ports.model.crm;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A talent's account on a platform.
 *
 * @param platform such as {@code instagram}
 * @param handle   the account name on it
 */
public record SocialHandle(@NotBlank @Size(max = 40) String platform, @NotBlank @Size(max = 100) String handle) {
}
