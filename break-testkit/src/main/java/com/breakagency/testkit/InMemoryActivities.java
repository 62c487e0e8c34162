package com.breakagency.testkit;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.Visibility;
import com.breakagency.ports.spi.Activities;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@link Activities} in memory. Thread-safe. */
public final class InMemoryActivities implements Activities {

    private final TransactionalMap<String, Activity> byId;

    /**
     * An empty store.
     *
     * @param transactions the units of work it takes part in
     */
    public InMemoryActivities(InMemoryTransactions transactions) {
        this.byId = new TransactionalMap<>(transactions);
    }

    @Override
    public void append(Activity activity) {
        if (!byId.putIfAbsent(activity.id(), activity)) {
            throw BreakException.alreadyExists("activity", "id");
        }
    }

    @Override
    public List<Activity> timeline(EntityRef subject, Set<Visibility> visibilities, Optional<String> beforeId,
                                   int limit) {
        Set<Visibility> only = Set.copyOf(visibilities);
        return Keyset.descendingBefore(byId.values(a -> a.subject().equals(subject)
                && (only.isEmpty() || only.contains(a.visibility()))), Activity::id, beforeId, limit);
    }
}
