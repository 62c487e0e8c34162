package com.breakagency.ports.spi.mail;

import java.util.List;
import java.util.Optional;

/** What changed in a mailbox since a cursor: one page of changes, or the news that the cursor expired. */
public sealed interface MailChanges {

    /**
     * One page of changes.
     *
     * @param added         ids of messages added (possibly deleted again since)
     * @param deleted       ids of messages deleted
     * @param cursor        the mailbox's history id as of this answer: the next cursor once every page is read
     * @param nextPageToken the next page's token; empty on the last page
     */
    record Page(List<String> added, List<String> deleted, String cursor, Optional<String> nextPageToken)
            implements MailChanges {
        /**
         * Copies.
         *
         * @param added ids of messages added
         * @param deleted ids of messages deleted
         * @param cursor the mailbox's history id as of this answer
         * @param nextPageToken the next page's token
         */
        public Page {
            added = List.copyOf(added);
            deleted = List.copyOf(deleted);
        }
    }

    /** The provider no longer keeps the changes since that cursor (Gmail's 404): a full sync is due. */
    record CursorExpired() implements MailChanges {
    }
}
