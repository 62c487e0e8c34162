package com.breakagency.testkit;

import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.BrandStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * jqwik arbitraries for CRM records, for property tests of stores and of code that uses them. Values are
 * what the commands accept and what a store must keep exactly: text in several scripts (with characters
 * outside the Basic Multilingual Plane), instants with microseconds on any day (daylight-saving changes
 * included), and fresh ids from {@link TestIds}, so generated records never collide.
 *
 * <p>Named so it does not shadow {@link Arbitraries} where both are imported.
 */
public final class CrmArbitraries {

    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2099-12-31T23:59:59Z");
    private static final String SYMBOLS = " -'&.,!?%_\\/\"():;";
    private static final String LETTERS =
            "\u00e9\u00e8\u00fc\u00f6\u00df\u00f8\u00f1\u00e7\u00c5\u65e5\u672c\u8a9e\u0416\u03a9";
    private static final String[] EMOJI = {"", "\ud83d\ude00", "\ud83c\udf89"};

    private CrmArbitraries() {
    }

    /**
     * Non-blank text of 1 to {@code maxLength} characters: Latin letters and digits, punctuation
     * (including SQL wildcards and quotes), accented and CJK letters, and sometimes an emoji at the end.
     *
     * @param maxLength 3 or more
     * @return the arbitrary
     */
    public static Arbitrary<String> text(int maxLength) {
        if (maxLength < 3) {
            throw new IllegalArgumentException("maxLength must be 3 or more");
        }
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars(SYMBOLS).withChars(LETTERS)
                .ofMinLength(1).ofMaxLength(maxLength - 2);
        return Combinators.combine(plain, Arbitraries.of(EMOJI)).as(String::concat).filter(s -> !s.isBlank());
    }

    /**
     * Instants between 2000 and 2099 with a microsecond part: what a relational store keeps.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Instant> instants() {
        Arbitrary<Long> seconds = Arbitraries.longs().between(EARLIEST.getEpochSecond(), LATEST.getEpochSecond());
        Arbitrary<Integer> micros = Arbitraries.integers().between(0, 999_999);
        return Combinators.combine(seconds, micros).as((s, us) -> Instant.ofEpochSecond(s, us * 1_000L));
    }

    /**
     * New brands, version 1: any name and up to five tags a command accepts, either status, up to three
     * fresh domains, a fresh owner, and a creation instant with an update up to a year later.
     *
     * @return the arbitrary
     */
    public static Arbitrary<Brand> brands() {
        Arbitrary<Set<String>> tags = text(50).set().ofMaxSize(5);
        Arbitrary<Integer> domainCount = Arbitraries.integers().between(0, 3);
        Arbitrary<Duration> untilUpdate = Arbitraries.longs().between(0, 365L * 24 * 3600 * 1_000_000)
                .map(us -> Duration.ofNanos(us * 1_000));
        return Combinators.combine(text(200), tags, Arbitraries.of(BrandStatus.class), domainCount, instants(),
                untilUpdate).as((name, tagSet, status, domains, created, delay) -> new Brand(TestIds.next(), name,
                freshDomains(domains), status, TestIds.next(), tagSet, 1, created, created.plus(delay)));
    }

    private static Set<String> freshDomains(int count) {
        Set<String> domains = new HashSet<>();
        for (int i = 0; i < count; i++) {
            domains.add(Fixtures.aDomain());
        }
        return domains;
    }
}
