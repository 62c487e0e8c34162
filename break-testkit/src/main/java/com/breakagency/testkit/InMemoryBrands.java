package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.spi.Brands;
import java.util.List;
import java.util.Optional;

/** {@link Brands} in memory, with the domain uniqueness a unique index would give. Thread-safe. */
public final class InMemoryBrands implements Brands {

    private final InMemoryTransactions transactions;
    private final TransactionalMap<String, Brand> byId;
    private final TransactionalMap<String, String> idByDomain;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryBrands(InMemoryTransactions transactions) {
        this.transactions = transactions;
        this.byId = new TransactionalMap<>(transactions);
        this.idByDomain = new TransactionalMap<>(transactions);
    }

    @Override
    public void insert(Brand brand) {
        transactions.inTransaction(() -> {
            if (!byId.putIfAbsent(brand.id(), brand)) {
                throw BreakException.alreadyExists("brand", "id");
            }
            claimDomains(brand);
            return null;
        });
    }

    @Override
    public void update(Brand brand) {
        transactions.inTransaction(() -> {
            Brand stored = byId.get(brand.id()).orElseThrow(() -> BreakException.notFound("brand", brand.id()));
            if (stored.version() != brand.version() - 1) {
                throw BreakException.versionMismatch("brand", brand.id());
            }
            stored.domains().forEach(idByDomain::remove);
            claimDomains(brand);
            byId.put(brand.id(), brand);
            return null;
        });
    }

    private void claimDomains(Brand brand) {
        for (String domain : brand.domains()) {
            if (!idByDomain.putIfAbsent(domain, brand.id())) {
                throw BreakException.alreadyExists("brand", "domains");
            }
        }
    }

    @Override
    public Optional<Brand> findById(String id) {
        return byId.get(id);
    }

    @Override
    public Optional<Brand> findByDomain(String normalizedDomain) {
        return transactions.inTransaction(() -> idByDomain.get(normalizedDomain).flatMap(byId::get));
    }

    @Override
    public List<Brand> list(Query query, Optional<String> afterId, int limit) {
        List<Brand> matching = byId.values(b -> Keyset.startsWithIgnoringCase(b.name(), query.namePrefix())
                && query.status().map(s -> s == b.status()).orElse(true)
                && query.ownerAgentId().map(a -> a.equals(b.ownerAgentId())).orElse(true));
        return Keyset.ascendingAfter(matching, Brand::id, afterId, limit);
    }
}
