package com.breakagency.adapter.jdbc;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import com.breakagency.ports.spi.Brands;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link Brands} in tables {@code brands} and {@code brand_domains}: a domain belongs to one brand because
 * of the unique constraint {@code brand_domains_domain_uq}, not because of a read before the write.
 * Tags are JSON text. Thread-safe.
 */
final class JdbcBrands implements Brands {

    /** The unique constraints of the tables, and the field each one protects. */
    static final Map<String, SqlFailures.UniqueKey> UNIQUE_KEYS = Map.of(
            "brands_pk", new SqlFailures.UniqueKey("brand", "id"),
            "brand_domains_pk", new SqlFailures.UniqueKey("brand", "domains"),
            "brand_domains_domain_uq", new SqlFailures.UniqueKey("brand", "domains"));

    private static final String COLUMNS =
            "b.id, b.name, b.status, b.owner_agent_id, b.tags, b.version, b.created_at, b.updated_at";

    private final Sql sql;
    private final String brands;
    private final String domains;

    JdbcBrands(Sql sql) {
        this.sql = sql;
        this.brands = sql.table("brands");
        this.domains = sql.table("brand_domains");
    }

    @Override
    public void insert(Brand brand) {
        sql.transactions().inTransaction(() -> {
            sql.update("INSERT INTO " + brands + " (id, name, name_folded, status, owner_agent_id, tags, version,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    brand.id(), brand.name(), Where.fold(brand.name()), brand.status(), brand.ownerAgentId(),
                    tags(brand), brand.version(), brand.createdAt(), brand.updatedAt());
            insertDomains(brand);
            return null;
        });
    }

    @Override
    public void update(Brand brand) {
        sql.transactions().inTransaction(() -> {
            int updated = sql.update("UPDATE " + brands + " SET name = ?, name_folded = ?, status = ?,"
                            + " owner_agent_id = ?, tags = ?, version = ?, created_at = ?, updated_at = ?"
                            + " WHERE id = ? AND version = ?",
                    brand.name(), Where.fold(brand.name()), brand.status(), brand.ownerAgentId(), tags(brand),
                    brand.version(), brand.createdAt(), brand.updatedAt(), brand.id(), brand.version() - 1);
            if (updated == 0) {
                throw sql.exists("SELECT 1 FROM " + brands + " WHERE id = ?", brand.id())
                        ? BreakException.versionMismatch("brand", brand.id())
                        : BreakException.notFound("brand", brand.id());
            }
            sql.update("DELETE FROM " + domains + " WHERE brand_id = ?", brand.id());
            insertDomains(brand);
            return null;
        });
    }

    private void insertDomains(Brand brand) {
        List<List<Object>> rows = new ArrayList<>();
        for (String domain : brand.domains()) {
            rows.add(List.of(brand.id(), domain));
        }
        sql.batch("INSERT INTO " + domains + " (brand_id, domain) VALUES (?, ?)", rows);
    }

    @Override
    public Optional<Brand> findById(String id) {
        return sql.transactions().inTransaction(() -> withDomains(
                sql.list("SELECT " + COLUMNS + " FROM " + brands + " b WHERE b.id = ?", JdbcBrands::row, id)))
                .stream().findFirst();
    }

    @Override
    public Optional<Brand> findByDomain(String normalizedDomain) {
        return sql.transactions().inTransaction(() -> withDomains(sql.list("SELECT " + COLUMNS + " FROM " + domains
                + " d JOIN " + brands + " b ON b.id = d.brand_id WHERE d.domain = ?", JdbcBrands::row,
                normalizedDomain))).stream().findFirst();
    }

    @Override
    public List<Brand> list(Query query, Optional<String> afterId, int limit) {
        Paging.requireLimit(limit);
        Where where = new Where()
                .andStartsWith("b.name_folded", query.namePrefix())
                .andIf(query.status().map(BrandStatus::name), "b.status = ?")
                .andIf(query.ownerAgentId(), "b.owner_agent_id = ?")
                .andIf(afterId, "b.id > ?");
        return sql.transactions().inTransaction(() -> withDomains(sql.list("SELECT " + COLUMNS + " FROM " + brands
                + " b" + where.sql() + " ORDER BY b.id FETCH FIRST ? ROWS ONLY", JdbcBrands::row,
                where.params(limit))));
    }

    /** A brand row without its domains yet. */
    private static Brand row(Sql.Row row) throws SQLException {
        return new Brand(row.string("id"), row.string("name"), Set.of(), row.enumValue("status", BrandStatus.class),
                row.string("owner_agent_id"), new HashSet<>(JsonText.parseStrings(row.string("tags"))),
                row.longValue("version"), row.instant("created_at"), row.instant("updated_at"));
    }

    /** The brands with their domains, read with one more statement. */
    private List<Brand> withDomains(List<Brand> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<String, Set<String>> byBrand = new HashMap<>();
        for (List<String> ids : Paging.chunks(rows.stream().map(Brand::id).toList())) {
            sql.list("SELECT brand_id, domain FROM " + domains + " WHERE brand_id IN (" + Sql.placeholders(ids.size())
                    + ")", row -> byBrand.computeIfAbsent(row.string("brand_id"), k -> new TreeSet<>())
                    .add(row.string("domain")), ids);
        }
        List<Brand> out = new ArrayList<>(rows.size());
        for (Brand b : rows) {
            out.add(new Brand(b.id(), b.name(), byBrand.getOrDefault(b.id(), Set.of()), b.status(), b.ownerAgentId(),
                    b.tags(), b.version(), b.createdAt(), b.updatedAt()));
        }
        return out;
    }

    private static String tags(Brand brand) {
        return JsonText.strings(new TreeSet<>(brand.tags()));
    }
}
