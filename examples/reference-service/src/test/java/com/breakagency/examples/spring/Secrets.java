package com.breakagency.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

/** What no response, page or event may hold: a full email address, a Google token, the fake's client secret. */
final class Secrets {

    /** A full address; a masked one ({@code s***@agency.example}) does not match. */
    static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    static final Pattern TOKEN = Pattern.compile("ya29\\.|1//|fake-client-secret|Bearer ", Pattern.CASE_INSENSITIVE);

    private Secrets() {
    }

    static void assertNoneIn(List<String> captured) {
        assertThat(captured).isNotEmpty();
        for (String text : captured) {
            assertThat(ADDRESS.matcher(text).find()).as("a full address in: %s", text).isFalse();
            assertThat(TOKEN.matcher(text).find()).as("a token or secret in: %s", text).isFalse();
            for (String address : DemoSeed.MAILBOXES.values()) {
                assertThat(text).doesNotContain(address);
            }
        }
    }
}
