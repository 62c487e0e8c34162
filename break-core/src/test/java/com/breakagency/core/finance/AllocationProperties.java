package com.breakagency.core.finance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.Beneficiary;
import com.breakagency.ports.model.finance.CommissionPlan;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AllocationProperties {

    @Provide
    Arbitrary<Map<String, Long>> weights() {
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(6),
                Arbitraries.longs().between(0, 1_000_000_000L)).ofMinSize(1).ofMaxSize(8)
                .filter(m -> m.values().stream().anyMatch(w -> w > 0));
    }

    @Property(tries = 2000)
    void parts_sum_exactly_to_the_whole_none_is_negative_and_each_is_within_one_unit_of_its_share(
            @ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long amount, @ForAll("weights") Map<String, Long> weights) {
        SortedMap<String, Long> parts = LargestRemainder.allocate(amount, weights);
        assertEquals(amount, parts.values().stream().mapToLong(Long::longValue).sum());
        BigInteger total = weights.values().stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        for (Map.Entry<String, Long> part : parts.entrySet()) {
            assertTrue(part.getValue() >= 0);
            BigInteger exactTimesTotal = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weights.get(part.getKey())));
            BigInteger floor = exactTimesTotal.divide(total);
            long p = part.getValue();
            assertTrue(p == floor.longValueExact() || p == floor.longValueExact() + 1, "within one unit of the share");
        }
    }

    @Property(tries = 1000)
    void the_result_does_not_depend_on_the_order_the_beneficiaries_were_given_in(
            @ForAll @LongRange(min = 0, max = 1_000_000_000L) long amount, @ForAll("weights") Map<String, Long> weights,
            @ForAll long seed) {
        List<Map.Entry<String, Long>> entries = new ArrayList<>(weights.entrySet());
        Collections.shuffle(entries, new Random(seed));
        Map<String, Long> reordered = new LinkedHashMap<>();
        entries.forEach(e -> reordered.put(e.getKey(), e.getValue()));
        assertEquals(LargestRemainder.allocate(amount, weights), LargestRemainder.allocate(amount, reordered));
    }

    @Example
    void ties_go_to_the_earlier_beneficiary_in_natural_order() {
        Map<String, Long> equal = Map.of("c", 1L, "a", 1L, "b", 1L);
        assertEquals(new TreeMap<>(Map.of("a", 1L, "b", 1L, "c", 0L)), LargestRemainder.allocate(2, equal));
    }

    @Example
    void the_agency_default_split_of_one_thousand_pounds_is_800_150_50() {
        Talent talent = talent(Optional.of("agent-1"));
        CommissionSplit.Weights split = CommissionSplit.of(CommissionPlan.AGENCY_DEFAULT, talent);
        SortedMap<Beneficiary, Long> parts = LargestRemainder.allocate(100_000, split.weights());
        assertEquals(Map.of(Beneficiary.talent("t-1"), 80_000L, Beneficiary.agent("agent-1"), 5_000L,
                Beneficiary.HOUSE, 15_000L), parts);
    }

    @Example
    void the_agency_default_split_needs_a_managing_agent_unless_the_plan_lets_the_house_take_the_share() {
        assertTrue(CommissionSplit.of(CommissionPlan.AGENCY_DEFAULT, talent(Optional.empty())).problem().isPresent());
        CommissionSplit.Weights houseTakes = CommissionSplit.of(new CommissionPlan("p", 2000, 2500, true),
                talent(Optional.empty()));
        assertEquals(Map.of(Beneficiary.talent("t-1"), 80_000L, Beneficiary.HOUSE, 20_000L),
                LargestRemainder.allocate(100_000, houseTakes.weights()));
    }

    /** A split between a talent, an agent and the house, from any plan. */
    @Provide
    Arbitrary<CommissionPlan> plans() {
        return net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000)).as((rate, share) -> new CommissionPlan("p", rate, share, false));
    }

    @Property(tries = 2000)
    void partial_payments_telescope_to_the_allocation_of_the_total_and_no_line_is_negative(
            @ForAll("plans") CommissionPlan plan, @ForAll @LongRange(min = 1, max = 5_000_000L) long total,
            @ForAll @IntRange(min = 1, max = 12) int payments, @ForAll long seed) {
        Map<Beneficiary, Long> weights = CommissionSplit.of(plan, talent(Optional.of("agent-1"))).weights();
        SortedMap<Beneficiary, Long> finalShares = Allocation.finalShares(total, weights);
        List<Long> amounts = split(total, payments, new Random(seed));
        Map<Beneficiary, Long> paidSoFar = new TreeMap<>();
        for (long amount : amounts) {
            SortedMap<Beneficiary, Long> parts = Allocation.ofPayment(amount, finalShares, paidSoFar).orElseThrow();
            assertEquals(amount, parts.values().stream().mapToLong(Long::longValue).sum(), "lines sum to the payment");
            parts.values().forEach(p -> assertTrue(p >= 0, "no negative line"));
            parts.forEach((b, p) -> paidSoFar.merge(b, p, Long::sum));
        }
        for (Map.Entry<Beneficiary, Long> share : finalShares.entrySet()) {
            assertEquals(share.getValue(), paidSoFar.getOrDefault(share.getKey(), 0L), share.getKey().toString());
        }
    }

    @Example
    void cumulative_largest_remainder_would_make_a_line_negative_where_this_allocation_does_not() {
        // 80/15/5: allocating 10 then 11 cumulatively gives the agent 1 and then 0 (the Alabama paradox)
        Map<Beneficiary, Long> weights = CommissionSplit.of(CommissionPlan.AGENCY_DEFAULT, talent(Optional.of("agent-1")))
                .weights();
        long agentAt10 = LargestRemainder.allocate(10, weights).get(Beneficiary.agent("agent-1"));
        long agentAt11 = LargestRemainder.allocate(11, weights).get(Beneficiary.agent("agent-1"));
        assertTrue(agentAt11 < agentAt10, "the cumulative method is not monotone");
        SortedMap<Beneficiary, Long> finalShares = Allocation.finalShares(11, weights);
        Map<Beneficiary, Long> paid = new TreeMap<>(Allocation.ofPayment(10, finalShares, Map.of()).orElseThrow());
        SortedMap<Beneficiary, Long> last = Allocation.ofPayment(1, finalShares, paid).orElseThrow();
        last.values().forEach(p -> assertTrue(p >= 0));
    }

    private static List<Long> split(long total, int parts, Random random) {
        List<Long> cuts = new ArrayList<>();
        for (int i = 0; i < parts - 1; i++) {
            cuts.add(1 + (long) (random.nextDouble() * (total - 1)));
        }
        cuts.add(0L);
        cuts.add(total);
        Collections.sort(cuts);
        List<Long> amounts = new ArrayList<>();
        for (int i = 1; i < cuts.size(); i++) {
            long amount = cuts.get(i) - cuts.get(i - 1);
            if (amount > 0) {
                amounts.add(amount);
            }
        }
        return amounts;
    }

    private static Talent talent(Optional<String> agent) {
        return new Talent("t-1", "Talent", List.of(), Optional.empty(), agent, Optional.empty(),
                Currency.getInstance("GBP"), false, 1, Instant.EPOCH, Instant.EPOCH);
    }
}
