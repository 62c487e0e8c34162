package com.breakagency.ports.spi;

/**
 * Work that runs inside one transaction. It signals failure by throwing an unchecked exception, which
 * rolls the transaction back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface UnitOfWork<T> {

    /**
     * Does the work.
     *
     * @return the result
     */
    T execute();
}
