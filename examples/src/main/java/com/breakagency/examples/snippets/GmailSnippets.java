package com.breakagency.examples.snippets;

import com.breakagency.adapter.gmail.GoogleOAuthOptions;
import com.breakagency.adapter.gmail.GoogleOAuthProvider;
import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.integration.AccessToken;
import com.breakagency.ports.api.integration.AccessTokenRequest;
import com.breakagency.ports.api.integration.AuthorizationStart;
import com.breakagency.ports.api.integration.CompleteConnect;
import com.breakagency.ports.api.integration.StartConnect;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.IntegrationStores;
import com.breakagency.ports.spi.Persistence;
import java.util.Map;

/**
 * The Java blocks of the README's "Connecting Gmail" section and of {@code adapter-gmail/README.md}, as
 * compiled code: each block is the text between one name's {@code tag::} and {@code end::} markers.
 */
public final class GmailSnippets {

    private GmailSnippets() {
    }

    /**
     * Connecting a user's Gmail account and using its access token.
     *
     * @param persistence       the stores
     * @param integrationStores the connection stores
     * @param clientId          the OAuth client id
     * @param clientSecret      the OAuth client secret
     * @param key2026           a 32-byte key
     * @param ctx               the connecting user's context
     * @param redirectUri       the registered redirect URI
     * @param state             the callback's state parameter
     * @param code              the callback's code parameter
     */
    public static void connectingGmail(Persistence persistence, IntegrationStores integrationStores, String clientId,
                                       String clientSecret, byte[] key2026, OperationContext ctx, String redirectUri,
                                       String state, String code) {
        // tag::connecting-gmail[]
        BreakAgency agency = BreakAgency.builder()
                .persistence(persistence)
                .integrations(integrationStores)          // InMemoryPersistence is both; its JDBC twin comes with the JDBC stores
                .oauthProvider(GoogleOAuthProvider.create(GoogleOAuthOptions.of(clientId, clientSecret)))
                .secretKeys("2026-01", Map.of("2026-01", key2026))   // 32 random bytes per key, from your secret store
                .build();

        AuthorizationStart start = agency.integrations().startConnect(ctx, StartConnect.of(Provider.GOOGLE, redirectUri));
        // ... redirect to start.authorizationUrl(); in the callback handler:
        Connection mailbox = agency.integrations().completeConnect(ctx, CompleteConnect.of(state, code));
        AccessToken token = agency.integrations().accessToken(OperationContext.system(), mailbox.id());
        // after a 401 from Google: ask once for a replacement of the token that failed, and replay once
        token = agency.integrations().accessToken(OperationContext.system(), mailbox.id(), AccessTokenRequest.replacing(token.token()));
        // end::connecting-gmail[]
        agency.close();
    }

}
