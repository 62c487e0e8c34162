package com.breakagency.ports.model.integration;

/** The services a user can connect an account of. The model is provider-neutral; Google is the first. */
public enum Provider {
    /** Google: Gmail, through Google's OAuth 2.0 endpoints. */
    GOOGLE
}
