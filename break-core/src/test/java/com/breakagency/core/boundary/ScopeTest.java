package com.breakagency.core.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.breakagency.core.boundary.Scope.By;
import com.breakagency.core.boundary.Scope.Filter;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.finance.Beneficiary;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who sees what of a listing, decided by {@link Scope} from the access alone: no store, no use case. */
class ScopeTest {

    private static final Set<By> EVERY_OWNER = EnumSet.allOf(By.class);

    private static Access restricted(Actor actor, Role... own) {
        return new Access(actor, "list", false, Set.of(own));
    }

    private static Optional<Filter> only(String agent, String talent, String brand) {
        return Optional.of(Filter.of(agent, talent, brand));
    }

    @Test
    void staff_allowed_outright_see_what_their_filters_ask_for() {
        Access staff = Access.unrestricted(Actor.staff("fin-1", Role.FINANCE), "list");
        assertEquals(only(null, "t-9", "b-9"), Scope.of(staff, Filter.of(null, "t-9", "b-9"), EVERY_OWNER));
        assertEquals(only(null, null, null), Scope.of(staff, Filter.of(null, null, null), Set.of(By.BRAND)));
    }

    @Test
    void an_agent_sees_their_own_records_whatever_else_they_filter_by() {
        Access agent = restricted(Actor.staff("agent-ana", Role.AGENT), Role.AGENT);
        assertEquals(only("agent-ana", "t-9", null), Scope.of(agent, Filter.of(null, "t-9", null), EVERY_OWNER));
        assertEquals(Optional.empty(), Scope.of(agent, Filter.of("agent-bo", null, null), EVERY_OWNER),
                "another agent's records: nothing");
    }

    @Test
    void a_talent_sees_their_own_records_and_nothing_of_another_talent() {
        Access talent = restricted(Actor.talent("u-maya", "t-maya"), Role.TALENT);
        assertEquals(only(null, "t-maya", "b-1"), Scope.of(talent, Filter.of(null, null, "b-1"), EVERY_OWNER));
        assertEquals(only(null, "t-maya", null), Scope.of(talent, Filter.of(null, "t-maya", null), EVERY_OWNER));
        assertEquals(Optional.empty(), Scope.of(talent, Filter.of(null, "t-other", null), EVERY_OWNER));
    }

    @Test
    void a_brand_user_sees_their_brand_and_nothing_of_another() {
        Access brand = restricted(Actor.brand("u-acme", "b-acme"), Role.BRAND);
        assertEquals(only(null, null, "b-acme"), Scope.of(brand, Filter.of(null, null, null), Set.of(By.BRAND)));
        assertEquals(Optional.empty(), Scope.of(brand, Filter.of(null, null, "b-other"), Set.of(By.BRAND)));
    }

    @Test
    void an_owner_kind_the_listing_cannot_narrow_by_shows_nothing() {
        Access talent = restricted(Actor.talent("u-maya", "t-maya"), Role.TALENT);
        assertEquals(Optional.empty(), Scope.of(talent, Filter.of(null, null, null), Set.of(By.BRAND)),
                "contacts belong to brands: a talent sees none");
    }

    @Test
    void commission_lines_show_a_restricted_viewer_only_what_pays_them() {
        Access agent = restricted(Actor.staff("agent-ana", Role.AGENT), Role.AGENT);
        assertEquals(Optional.of(Optional.of(Beneficiary.agent("agent-ana"))), Scope.ofBeneficiary(agent, Optional.empty()));
        assertEquals(Optional.empty(), Scope.ofBeneficiary(agent, Optional.of(Beneficiary.HOUSE)));
        assertEquals(Optional.empty(), Scope.ofBeneficiary(agent, Optional.of(Beneficiary.talent("t-maya"))));
        Access talent = restricted(Actor.talent("u-maya", "t-maya"), Role.TALENT);
        assertEquals(Optional.of(Optional.of(Beneficiary.talent("t-maya"))),
                Scope.ofBeneficiary(talent, Optional.of(Beneficiary.talent("t-maya"))));
        Access staff = Access.unrestricted(Actor.staff("fin-1", Role.FINANCE), "list");
        assertEquals(Optional.of(Optional.of(Beneficiary.HOUSE)), Scope.ofBeneficiary(staff, Optional.of(Beneficiary.HOUSE)));
    }
}
