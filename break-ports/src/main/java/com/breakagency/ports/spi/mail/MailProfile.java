package com.breakagency.ports.spi.mail;

/**
 * A mailbox as its provider describes it. {@link #toString()} names no address.
 *
 * @param address       the mailbox's address
 * @param historyId     its current history id: the cursor a full sync starting now ends with
 * @param messagesTotal how many messages it holds
 */
public record MailProfile(String address, String historyId, long messagesTotal) {
    @Override
    public String toString() {
        return "MailProfile[historyId=" + historyId + ", messagesTotal=" + messagesTotal + "]";
    }
}
