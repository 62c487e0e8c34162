package com.breakagency.ports.spi.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message's metadata as its provider sends it: the raw header values of From, To, Cc and Subject (the
 * sync parses and normalizes the addresses), never the body. {@link #toString()} names no address.
 *
 * @param messageId the provider's message id
 * @param threadId  the provider's thread id
 * @param from      the From header, if any
 * @param to        the To header, if any
 * @param cc        the Cc header, if any
 * @param subject   the Subject header, if any
 * @param snippet   the provider's snippet, possibly empty
 * @param sentAt    the provider's internal date
 * @param labels    the provider's label ids
 */
public record MailMessage(String messageId, String threadId, Optional<String> from, Optional<String> to,
                          Optional<String> cc, Optional<String> subject, String snippet, Instant sentAt,
                          List<String> labels) {
    /**
     * Copies.
     *
     * @param messageId the provider's message id
     * @param threadId the provider's thread id
     * @param from the From header
     * @param to the To header
     * @param cc the Cc header
     * @param subject the Subject header
     * @param snippet the snippet
     * @param sentAt the internal date
     * @param labels the label ids
     */
    public MailMessage {
        labels = List.copyOf(labels);
    }

    @Override
    public String toString() {
        return "MailMessage[messageId=" + messageId + "]";
    }
}
