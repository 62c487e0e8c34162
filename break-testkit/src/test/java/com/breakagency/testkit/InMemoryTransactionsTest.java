package com.breakagency.testkit;

import com.breakagency.ports.spi.Transactions;
import com.breakagency.testkit.contract.TransactionsContract;

class InMemoryTransactionsTest extends TransactionsContract {

    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final TransactionalMap<String, Boolean> markers = new TransactionalMap<>(transactions);

    @Override
    protected Transactions transactions() {
        return transactions;
    }

    @Override
    protected void write(String key) {
        markers.put(key, Boolean.TRUE);
    }

    @Override
    protected boolean exists(String key) {
        return markers.get(key).isPresent();
    }
}
