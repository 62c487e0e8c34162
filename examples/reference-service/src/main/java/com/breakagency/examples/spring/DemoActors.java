package com.breakagency.examples.spring;

import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.Role;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who a request's user is, in this example only: a real service maps its own authentication (Spring Security's
 * principal, a gateway's header it trusts) to a Break {@link Actor}. Here the {@code X-User} header names a
 * user, {@code X-Role} their role (AGENT when absent), and a browser signed in through
 * {@code /demo/login?role=ADMIN} carries the role in the {@value #COOKIE} cookie (user {@code admin-1},
 * {@code finance-1}, {@code agent-1}).
 */
final class DemoActors {

    /** The demo's sign-in cookie: a role name. */
    static final String COOKIE = "break-demo-role";
    /** The roles the demo can sign in as. */
    static final Set<Role> ROLES = Set.of(Role.ADMIN, Role.FINANCE, Role.AGENT);

    private DemoActors() {
    }

    static Optional<Actor> resolve(HttpServletRequest request) {
        String user = request.getHeader("X-User");
        if (user != null) {
            Optional<Role> role = role(request.getHeader("X-Role") == null ? "AGENT" : request.getHeader("X-Role"));
            return role.map(r -> Actor.staff(user, r));
        }
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (COOKIE.equals(cookie.getName())) {
                    return role(cookie.getValue()).map(r -> Actor.staff(userOf(r), r));
                }
            }
        }
        return Optional.empty();
    }

    static String userOf(Role role) {
        return role.name().toLowerCase(Locale.ROOT) + "-1";
    }

    static Optional<Role> role(String name) {
        for (Role role : ROLES) {
            if (role.name().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
