package com.breakagency.ports.spi;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.mail.MailChanges;
import com.breakagency.ports.spi.mail.MailMessage;
import com.breakagency.ports.spi.mail.MailProfile;
import com.breakagency.ports.spi.mail.MailSourceException;
import com.breakagency.ports.spi.mail.MessagePage;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A provider's mailbox, read for a mail sync: provider-neutral. The Gmail one is {@code GmailMailSource} in
 * break-adapter-gmail; break-testkit's {@code FakeGmail} serves a loopback mailbox. Every call takes the
 * access token the sync got from {@code Integrations.accessToken}; the source never keeps one.
 *
 * <p>Every method throws {@link MailSourceException} for what the provider or the network answered,
 * classified: {@code RATE_LIMITED} (with the instant to retry after when the provider names one),
 * {@code AUTH_FAILED} (a 401: the sync refreshes once and replays), {@code TRANSIENT} and
 * {@code CURSOR_EXPIRED}. Implementations are thread-safe and bound every call with a timeout.
 */
public interface MailSource {

    /**
     * Which provider this is.
     *
     * @return the provider
     */
    Provider provider();

    /**
     * The mailbox's address and current history id.
     *
     * @param accessToken the token
     * @return the profile
     * @throws MailSourceException classified
     */
    MailProfile profile(String accessToken);

    /**
     * One page of the ids of messages received after an instant, newest first.
     *
     * @param accessToken the token
     * @param after       only messages after this instant
     * @param pageToken   the page, or empty for the first
     * @param pageSize    at most this many ids, 1 to 500
     * @return the page
     * @throws MailSourceException classified
     */
    MessagePage listMessages(String accessToken, Instant after, Optional<String> pageToken, int pageSize);

    /**
     * The metadata of a batch of messages (no bodies); a message deleted meanwhile is left out.
     *
     * @param accessToken the token
     * @param messageIds  1 to 50 ids
     * @return the messages found, in any order
     * @throws MailSourceException classified: the whole batch fails if any message of it failed for a
     *                             reason other than being gone
     */
    List<MailMessage> fetchMessages(String accessToken, List<String> messageIds);

    /**
     * One page of the changes since a cursor.
     *
     * @param accessToken the token
     * @param cursor      the history id the last sync ended with
     * @param pageToken   the page, or empty for the first
     * @return the page, or {@link MailChanges.CursorExpired} when the provider no longer keeps that history
     * @throws MailSourceException classified
     */
    MailChanges changesSince(String accessToken, String cursor, Optional<String> pageToken);
}
