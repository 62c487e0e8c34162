package com.breakagency.core.crm;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.error.FieldError;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.Normalize;
import com.breakagency.ports.model.crm.Talent;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the CRM writes besides the records: their audit subjects and the field changes an audit event
 * carries (personal data only as "[changed]"), and the normalizing of what commands carry (domains,
 * addresses, currencies). Stateless.
 */
final class CrmChanges {

    private CrmChanges() {
    }

    static String domainOf(String address) {
        try {
            return Normalize.domainOf(address);
        } catch (IllegalArgumentException notAnAddress) {
            throw BreakException.validation(List.of(new FieldError("#/address", "Email", "must be an email address or a domain")));
        }
    }

    static Set<String> otherEmails(String primary, Set<String> others) {
        Set<String> normal = new TreeSet<>();
        for (String other : others) {
            normal.add(Normalize.email(other));
        }
        normal.remove(primary);
        return normal;
    }

    static Currency currency(String code) {
        return code == null ? CrmService.DEFAULT_HOME_CURRENCY : Currency.getInstance(code);
    }

    static Set<String> normalizedDomains(Set<String> domains) {
        return domains.stream().map(Normalize::domain).collect(Collectors.toCollection(TreeSet::new));
    }

    static EntityRef ref(Brand b) {
        return EntityRef.of(EntityType.BRAND, b.id());
    }

    static EntityRef ref(Contact c) {
        return EntityRef.of(EntityType.CONTACT, c.id());
    }

    static EntityRef ref(Talent t) {
        return EntityRef.of(EntityType.TALENT, t.id());
    }

    static EntityRef ref(Deal d) {
        return EntityRef.of(EntityType.DEAL, d.id());
    }

    static Map<String, String> fields(Brand b) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", b.name());
        f.put("domains", String.join(",", new TreeSet<>(b.domains())));
        f.put("ownerAgentId", b.ownerAgentId());
        f.put("tags", String.join(",", new TreeSet<>(b.tags())));
        f.put("status", b.status().name());
        return f;
    }

    // personal data (addresses, phone numbers) is recorded as changed, never by value
    static Map<String, String> fields(Contact c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", c.name());
        f.put("brandId", c.brandId().orElse(""));
        f.put("title", c.title().orElse(""));
        f.put("emails", Integer.toHexString(c.allEmails().hashCode()));
        f.put("phone", Integer.toHexString(c.phone().hashCode()));
        return f;
    }

    static Map<String, String> fields(Talent t) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("name", t.name());
        f.put("managingAgentId", t.managingAgentId().orElse(""));
        f.put("commissionPlanId", t.commissionPlanId().orElse(""));
        f.put("homeCurrency", t.homeCurrency().getCurrencyCode());
        f.put("handles", t.handles().stream().map(h -> h.platform() + ":" + h.handle()).collect(Collectors.joining(",")));
        f.put("email", Integer.toHexString(t.email().hashCode()));
        return f;
    }

    static Map<String, String> fields(Deal d) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", d.title());
        f.put("value", d.value().toString());
        f.put("ownerAgentId", d.ownerAgentId());
        f.put("commissionPlanId", d.commissionPlanId().orElse(""));
        f.put("stage", d.stage().name());
        return f;
    }

    private static final Set<String> PERSONAL = Set.of("emails", "phone", "email");

    /** The fields that differ, with personal ones shown only as changed. */
    static Map<String, String> diff(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changes = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>(after.keySet());
        for (String key : keys) {
            String now = after.get(key);
            if (!Objects.equals(before.get(key), now)) {
                changes.put(key, PERSONAL.contains(key) ? "[changed]" : now);
            }
        }
        return changes;
    }
}
