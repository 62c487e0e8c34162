package com.breakagency.ports.spi;

import com.breakagency.ports.error.BreakException;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.Visibility;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The timelines store: append-only. Every method takes part in the calling thread's unit of work;
 * store failures are thrown as {@link BreakException} PERSISTENCE_UNAVAILABLE. Contract:
 * {@code ActivitiesContract}.
 */
public interface Activities {

    /**
     * Appends an entry.
     *
     * @param activity the entry
     * @throws BreakException CONFLICT/ALREADY_EXISTS naming field {@code id} if the id is taken
     */
    void append(Activity activity);

    /**
     * One keyset page of a timeline, newest first: every entry, whatever its visibility.
     *
     * @param subject  whose timeline
     * @param beforeId the last id of the previous page (it need not still exist or match), or empty for the newest entries
     * @param limit    1 or more; only the last page is shorter
     * @return the entries
     */
    default List<Activity> timeline(EntityRef subject, Optional<String> beforeId, int limit) {
        return timeline(subject, Set.of(), beforeId, limit);
    }

    /**
     * One keyset page of a timeline, newest first: entries with ids less than {@code beforeId}, in
     * descending id order, of the given visibilities. The store filters before it counts, so a page of a
     * portal user's timeline (shared entries only) is as full as any other.
     *
     * @param subject      whose timeline
     * @param visibilities entries with one of these visibilities; empty means any
     * @param beforeId     the last id of the previous page (it need not still exist or match), or empty for the newest entries
     * @param limit        1 or more; only the last page is shorter
     * @return the entries
     */
    List<Activity> timeline(EntityRef subject, Set<Visibility> visibilities, Optional<String> beforeId, int limit);
}
