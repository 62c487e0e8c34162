package com.breakagency.core.integration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.breakagency.core.BreakAgency;
import com.breakagency.testkit.InMemoryPersistence;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Integrations never run without keys, and say so when built; there is no default key. */
class IntegrationsBuilderTest {

    @Test
    void integrations_without_keys_fail_the_build_with_a_clear_message() {
        InMemoryPersistence memory = InMemoryPersistence.create();
        try (FakeGoogle google = FakeGoogle.start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> BreakAgency.builder()
                    .persistence(memory).integrations(memory).oauthProvider(google.oauthProvider()).build());
            assertTrue(e.getMessage().contains("secretKeys(...)") && e.getMessage().contains("no default key"), e.getMessage());
            assertThrows(IllegalStateException.class, () -> BreakAgency.builder().persistence(memory)
                    .integrations(memory).secretKeys("k1", Map.of("k1", Mailboxes.KEY_1)).build(), "no provider");
            assertThrows(IllegalStateException.class, () -> BreakAgency.builder().persistence(memory)
                    .oauthProvider(google.oauthProvider()).build(), "a provider without integrations");
            assertThrows(IllegalStateException.class, () -> BreakAgency.builder().persistence(memory)
                    .integrations(InMemoryPersistence.create()).oauthProvider(google.oauthProvider())
                    .secretKeys("k1", Map.of("k1", Mailboxes.KEY_1)).build(), "stores of another bundle");
            try (BreakAgency without = BreakAgency.builder().persistence(memory).build()) {
                assertThrows(IllegalStateException.class, without::integrations);
            }
        }
    }
}
