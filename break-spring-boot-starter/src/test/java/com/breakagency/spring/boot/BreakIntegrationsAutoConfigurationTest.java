package com.breakagency.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.breakagency.adapter.jdbc.JdbcPersistence;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.Actor;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.context.Role;
import com.breakagency.ports.model.integration.Ciphertext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.OAuthProvider;
import com.breakagency.ports.spi.SecretCipher;
import com.breakagency.testkit.oauth.FakeGoogle;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Integrations through the starter, on H2 and a {@link FakeGoogle} on loopback: an OAuthProvider bean and
 * {@code break.integrations.*} keys give an agency whose connections are sealed with the current key; a host's
 * SecretCipher wins; keys that are missing, malformed or not 32 bytes fail the start naming the property and
 * never showing the value; Actuator's endpoints mask the keys.
 */
class BreakIntegrationsAutoConfigurationTest {

    private static final String K1 = base64(key(1));
    private static final String K2 = base64(key(2));
    private static final OperationContext JO = OperationContext.of(Actor.staff("u-jo", Role.AGENT));

    private final FakeGoogle google = FakeGoogle.start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, BreakAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                    "break.worker.enabled=false");

    private ApplicationContextRunner withGoogle() {
        return runner.withBean(OAuthProvider.class, google::oauthProvider);
    }

    @AfterEach
    void stopGoogle() {
        google.close();
    }

    private static byte[] key(int seed) {
        byte[] key = new byte[32];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Connects a mailbox through the context's agency and returns it as stored. */
    private Connection connect(AssertableApplicationContext context) {
        BreakAgency agency = context.getBean(BreakAgency.class);
        AuthorizationStart start = agency.integrations().startConnect(JO,
                StartConnect.of(Provider.GOOGLE, "https://app.northwind.example/oauth/callback"));
        FakeGoogle.Callback callback = google.approve(start.authorizationUrl(), "jo@northwind.example");
        Connection connection = agency.integrations().completeConnect(JO, CompleteConnect.of(callback.state(), callback.code()));
        assertThat(agency.integrations().accessToken(OperationContext.system(), connection.id()).token()).startsWith("ya29.");
        return context.getBean(JdbcPersistence.class).connections().find(connection.id()).orElseThrow();
    }

    @Test
    void an_oauth_provider_and_keys_give_integrations_sealed_with_the_current_key() {
        withGoogle().withPropertyValues("break.integrations.current-key=2026-02", "break.integrations.keys.2026-01=" + K1,
                "break.integrations.keys.2026-02=" + K2).run(context -> {
                    assertThat(context).hasNotFailed();
                    Connection stored = connect(context);
                    assertThat(stored.tokens().orElseThrow().accessToken().keyId()).isEqualTo("2026-02");
                    assertThat(stored.tokens().get().accessToken().sealed()).doesNotContain("ya29.");
                });
    }

    /** A host's key service stand-in: "seals" under its own key id, reversibly, so the test can tell it was used. */
    static final class HostVault implements SecretCipher {
        @Override
        public Ciphertext seal(String plaintext) {
            return Ciphertext.of("vault-7", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(plaintext.getBytes(StandardCharsets.UTF_8)));
        }

        @Override
        public String open(Ciphertext ciphertext) {
            return new String(Base64.getUrlDecoder().decode(ciphertext.sealed()), StandardCharsets.UTF_8);
        }

        @Override
        public String currentKeyId() {
            return "vault-7";
        }
    }

    @Test
    void the_hosts_own_cipher_wins_over_the_keys_and_needs_none() {
        for (List<String> keys : List.of(List.of("break.integrations.current-key=k1", "break.integrations.keys.k1=" + K1),
                List.<String>of())) {
            withGoogle().withBean(SecretCipher.class, HostVault::new).withPropertyValues(keys.toArray(String[]::new))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(connect(context).tokens().orElseThrow().accessToken().keyId()).as(keys.toString())
                                .isEqualTo("vault-7");
                    });
        }
    }

    @Test
    void keys_that_are_missing_malformed_or_short_fail_the_start_naming_the_property_never_the_value() {
        String notBase64 = "not-a-key!*secret-material";
        String sixteenBytes = base64(new byte[16]);
        Map<List<String>, String> bad = Map.of(
                List.of("break.integrations.current-key=k1", "break.integrations.keys.k1=" + notBase64),
                "break.integrations.keys.k1",
                List.of("break.integrations.current-key=k1", "break.integrations.keys.k1=" + sixteenBytes),
                "break.integrations.keys.k1",
                List.of("break.integrations.current-key=k9", "break.integrations.keys.k1=" + K1),
                "break.integrations.current-key",
                List.of("break.integrations.keys.k1=" + K1),
                "break.integrations.current-key",
                List.of("break.integrations.current-key=k1"),
                "break.integrations.keys.k1");
        bad.forEach((properties, name) -> withGoogle().withPropertyValues(properties.toArray(String[]::new))
                .run(context -> {
                    assertThat(context).as(properties.toString()).hasFailed();
                    String messages = messages(context.getStartupFailure());
                    assertThat(messages).as(properties.toString()).contains(name)
                            .doesNotContain(notBase64).doesNotContain(sixteenBytes).doesNotContain(K1);
                }));
        // bad keys fail even before a provider turns integrations on
        runner.withPropertyValues("break.integrations.current-key=k1", "break.integrations.keys.k1=" + sixteenBytes)
                .run(context -> assertThat(messages(context.getStartupFailure())).contains("break.integrations.keys.k1"));
    }

    @Test
    void a_provider_without_keys_fails_the_start_unless_integrations_are_off() {
        withGoogle().run(context -> {
            assertThat(context).hasFailed();
            assertThat(messages(context.getStartupFailure())).contains("break.integrations.current-key")
                    .contains("break.integrations.keys").contains("SecretCipher");
        });
        withGoogle().withPropertyValues("break.integrations.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(BreakAgency.class).integrations())
                    .isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void keys_without_a_provider_start_an_agency_without_integrations() {
        runner.withPropertyValues("break.integrations.current-key=k1", "break.integrations.keys.k1=" + K1).run(context -> {
            assertThat(context).hasNotFailed();
            assertThatThrownBy(() -> context.getBean(BreakAgency.class).integrations())
                    .isInstanceOf(IllegalStateException.class);
        });
    }

    @Test
    void actuator_shows_the_keys_masked_even_where_it_shows_values() {
        withGoogle().withPropertyValues("break.integrations.current-key=k1", "break.integrations.keys.k1=" + K1)
                .run(context -> {
                    List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class)
                            .orderedStream().toList();
                    assertThat(sanitizers).hasSize(1);

                    EnvironmentEndpoint env = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
                    assertThat(env.environmentEntry("break.integrations.keys.k1").getProperty().getValue())
                            .isEqualTo(SanitizableData.SANITIZED_VALUE);
                    assertThat(env.environmentEntry("break.integrations.current-key").getProperty().getValue())
                            .as("a key id is no secret").isEqualTo("k1");
                    assertThat(env.environmentEntry("spring.datasource.url").getProperty().getValue())
                            .as("other values stay shown").isNotEqualTo(SanitizableData.SANITIZED_VALUE);

                    ConfigurationPropertiesReportEndpoint configprops = new ConfigurationPropertiesReportEndpoint(
                            sanitizers, Show.ALWAYS);
                    configprops.setApplicationContext(context);
                    String report = configprops.configurationPropertiesWithPrefix("break").getContexts().values()
                            .stream().flatMap(c -> c.getBeans().values().stream())
                            .map(b -> String.valueOf(b.getProperties())).toList().toString();
                    assertThat(report).contains("integrations").contains("k1").doesNotContain(K1);
                });
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append('\n');
        }
        return text.toString();
    }
}
