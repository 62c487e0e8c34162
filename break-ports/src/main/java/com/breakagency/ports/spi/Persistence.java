package com.breakagency.ports.spi;

/**
 * Every persistence port one storage technology supplies, as one bundle: a host plugs in one
 * {@code Persistence} and all stores share its {@link Transactions}.
 *
 * <p>The in-memory bundle lives in break-testkit, the relational one in break-adapter-jdbc. An
 * integrator's bundle passes the same contract tests as ours.
 */
public interface Persistence {

    /**
     * The units of work every store of this bundle takes part in.
     *
     * @return the transactions
     */
    Transactions transactions();
}
