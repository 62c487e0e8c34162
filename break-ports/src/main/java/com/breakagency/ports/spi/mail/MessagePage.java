package com.breakagency.ports.spi.mail;

import java.util.List;
import java.util.Optional;

/**
 * One page of message ids, newest first.
 *
 * @param messageIds    the ids
 * @param nextPageToken the next page's token; empty on the last page
 */
public record MessagePage(List<String> messageIds, Optional<String> nextPageToken) {
    /**
     * Copies.
     *
     * @param messageIds the ids
     * @param nextPageToken the next page's token
     */
    public MessagePage {
        messageIds = List.copyOf(messageIds);
    }
}
