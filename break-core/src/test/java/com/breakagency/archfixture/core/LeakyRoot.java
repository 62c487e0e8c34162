package com.breakagency.archfixture.core;

import com.breakagency.archfixture.core.internal.Wiring;
import java.util.List;

/** A type of the exported package whose public signatures name a type of a package that is not exported. */
public final class LeakyRoot {

    /** A field a host could read. */
    public static final Wiring WIRING = new Wiring();

    /**
     * A method a host could call.
     *
     * @param wiring what it takes
     * @return what it gives
     */
    public List<Wiring> wire(Wiring wiring) {
        return List.of(wiring);
    }

    /**
     * Not seen by a host: the rule ignores it.
     *
     * @return nothing of interest
     */
    Wiring hidden() {
        return WIRING;
    }
}
