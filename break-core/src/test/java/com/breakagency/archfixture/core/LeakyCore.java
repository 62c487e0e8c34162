package com.breakagency.archfixture.core;

import com.breakagency.archfixture.adapter.jdbc.JdbcOrders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.SQLException;

/** A core class that breaks both core rules on purpose: HTTP, SQL and an adapter class. */
public final class LeakyCore {

    private final HttpClient http = HttpClient.newHttpClient();
    private final JdbcOrders orders = new JdbcOrders();

    /**
     * Builds a request and counts rows the wrong way.
     *
     * @param connection a JDBC connection
     * @return a count
     * @throws SQLException never in practice
     */
    public int leak(Connection connection) throws SQLException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
        connection.setAutoCommit(false);
        return orders.count() + request.hashCode() + http.hashCode();
    }
}
