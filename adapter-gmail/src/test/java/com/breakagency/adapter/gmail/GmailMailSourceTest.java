package com.breakagency.adapter.gmail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.ports.spi.mail.MailChanges;
import com.breakagency.ports.spi.mail.MailMessage;
import com.breakagency.ports.spi.mail.MailSourceException;
import com.breakagency.testkit.TestClock;
import com.breakagency.testkit.oauth.FakeGmail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Google's real Gmail client against FakeGmail on loopback: what each call answers and how failures are classified. */
class GmailMailSourceTest {

    private static final String TOKEN = "ya29.test-token";
    private final TestClock clock = new TestClock();
    private final FakeGmail gmail = FakeGmail.start(clock, token -> TOKEN.equals(token)
            ? Optional.of("jo@northwind.example") : Optional.empty());
    private final GmailMailSource source = GmailMailSource.create(gmail.rootUrl(), Duration.ofSeconds(5));

    @AfterEach
    void stop() {
        gmail.close();
    }

    @Test
    void profile_pages_metadata_and_history_come_back_as_the_port_says() {
        FakeGmail.Mailbox box = gmail.mailbox("jo@northwind.example");
        List<String> ids = box.addMany(120, "\"Ana, L.\" <ana@acme.example>");
        String start = box.historyId();
        assertEquals(start, source.profile(TOKEN).historyId());
        assertEquals("jo@northwind.example", source.profile(TOKEN).address());

        var first = source.listMessages(TOKEN, clock.instant().minus(Duration.ofDays(90)), Optional.empty(), 100);
        assertEquals(100, first.messageIds().size());
        var second = source.listMessages(TOKEN, clock.instant().minus(Duration.ofDays(90)), first.nextPageToken(), 100);
        assertEquals(20, second.messageIds().size());
        assertTrue(second.nextPageToken().isEmpty());

        List<MailMessage> fetched = source.fetchMessages(TOKEN, ids.subList(0, 50));
        assertEquals(50, fetched.size());
        assertEquals(List.of(50), gmail.batchSizes());
        MailMessage one = fetched.get(0);
        assertEquals(Optional.of("\"Ana, L.\" <ana@acme.example>"), one.from());
        assertEquals(Optional.of("jo@northwind.example"), one.to());
        assertTrue(one.subject().isPresent());
        assertThrows(IllegalArgumentException.class, () -> source.fetchMessages(TOKEN, ids.subList(0, 51)));

        box.delete(ids.get(0));
        String added = box.add("bo@zeta.example", "jo@northwind.example", null, "new");
        MailChanges.Page changes = (MailChanges.Page) source.changesSince(TOKEN, start, Optional.empty());
        assertEquals(List.of(added), changes.added());
        assertEquals(List.of(ids.get(0)), changes.deleted());
        assertEquals(box.historyId(), changes.cursor());
        assertEquals(49, source.fetchMessages(TOKEN, ids.subList(0, 50)).size(), "a deleted message is left out");
    }

    @Test
    void an_expired_history_cursor_is_its_own_outcome() {
        gmail.historyRetention(Duration.ofMinutes(1));
        FakeGmail.Mailbox box = gmail.mailbox("jo@northwind.example");
        String start = box.historyId();
        box.add("bo@zeta.example", "jo@northwind.example", null, "one");
        clock.advance(Duration.ofMinutes(5));
        assertInstanceOf(MailChanges.CursorExpired.class, source.changesSince(TOKEN, start, Optional.empty()));
    }

    @Test
    void rate_limits_carry_googles_retry_after_and_other_failures_are_classified() {
        gmail.mailbox("jo@northwind.example").add("bo@zeta.example", "jo@northwind.example", null, "one");
        Instant until = clock.instant().plusSeconds(42);
        gmail.rateLimitUntil(until);
        MailSourceException limited = assertThrows(MailSourceException.class, () -> source.profile(TOKEN));
        assertEquals(MailSourceException.Kind.RATE_LIMITED, limited.kind());
        assertEquals(Optional.of(until), limited.retryAt());
        assertEquals(429, limited.httpStatus());
        assertFalse(limited.getMessage().contains("Retry after"), "Google's message text stays in the adapter");

        gmail.rateLimitStyle(FakeGmail.RateLimitStyle.FORBIDDEN);
        MailSourceException forbidden = assertThrows(MailSourceException.class, () -> source.profile(TOKEN));
        assertEquals(MailSourceException.Kind.RATE_LIMITED, forbidden.kind());
        assertEquals("userRateLimitExceeded", forbidden.code());
        gmail.rateLimitUntil(Instant.MIN);

        gmail.failNext(1);
        assertEquals(MailSourceException.Kind.TRANSIENT,
                assertThrows(MailSourceException.class, () -> source.profile(TOKEN)).kind());
        assertEquals(MailSourceException.Kind.AUTH_FAILED,
                assertThrows(MailSourceException.class, () -> source.profile("ya29.unknown")).kind());
        assertEquals(MailSourceException.Kind.RATE_LIMITED,
                GmailMailSource.classify(403, "dailyLimitExceeded", "Daily Limit Exceeded", null).kind());
        assertEquals(MailSourceException.Kind.TRANSIENT, GmailMailSource.classify(403, "forbidden", "no", null).kind());
    }
}
