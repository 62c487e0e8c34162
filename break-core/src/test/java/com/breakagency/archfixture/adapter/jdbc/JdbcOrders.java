package com.breakagency.archfixture.adapter.jdbc;

/** Stands for an adapter class the fixture's core must not see. */
public final class JdbcOrders {

    /**
     * Does nothing.
     *
     * @return zero
     */
    public int count() {
        return 0;
    }
}
