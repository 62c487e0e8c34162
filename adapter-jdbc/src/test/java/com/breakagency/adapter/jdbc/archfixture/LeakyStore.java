package com.breakagency.adapter.jdbc.archfixture;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

/**
 * Breaks the adapter's dependency rule on purpose: a store that talks HTTP. The architecture test shows
 * that the rule fails on it, so the rule cannot pass by checking nothing.
 */
public final class LeakyStore {

    private final HttpClient client = HttpClient.newHttpClient();

    /**
     * Builds a request nobody sends.
     *
     * @return the request
     */
    public HttpRequest request() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
    }

    /**
     * The client.
     *
     * @return the client
     */
    public HttpClient client() {
        return client;
    }
}
