package com.breakagency.spring.boot.web;

import com.breakagency.ports.context.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * How the host tells Break who makes a request: it maps its own principal (Spring Security's, a session's, a
 * gateway's header it trusts) to a Break {@link Actor}. Define one bean; without one every request is
 * UNAUTHENTICATED. Break never assumes an actor, and never an administrator.
 */
@FunctionalInterface
public interface ActorResolver {

    /** Knows nobody: what the starter uses when the host defines no resolver. */
    ActorResolver NOBODY = request -> Optional.empty();

    /**
     * The actor of a request.
     *
     * @param request the request
     * @return the actor, or empty when the request is not authenticated
     */
    Optional<Actor> resolve(HttpServletRequest request);
}
