package com.breakagency.adapter.gmail;

import com.breakagency.ports.model.integration.Provider;
import com.breakagency.ports.spi.MailSource;
import com.breakagency.ports.spi.mail.MailChanges;
import com.breakagency.ports.spi.mail.MailMessage;
import com.breakagency.ports.spi.mail.MailProfile;
import com.breakagency.ports.spi.mail.MailSourceException;
import com.breakagency.ports.spi.mail.MessagePage;
import com.google.api.client.googleapis.batch.BatchRequest;
import com.google.api.client.googleapis.batch.json.JsonBatchCallback;
import com.google.api.client.googleapis.json.GoogleJsonError;
import com.google.api.client.googleapis.json.GoogleJsonResponseException;
import com.google.api.client.http.GenericUrl;
import com.google.api.client.http.HttpHeaders;
import com.google.api.client.http.HttpRequest;
import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.MessagePartHeader;
import com.google.api.services.gmail.model.Profile;
import java.io.IOException;
import java.math.BigInteger;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gmail as a {@link MailSource}, on Google's generated Gmail client: {@code users.getProfile},
 * {@code messages.list} with {@code q=after:<epoch seconds>}, {@code messages.get} with
 * {@code format=METADATA} and the headers From, To, Cc, Subject and Date (no bodies) batched at most 50 to a
 * {@code batch/gmail/v1} request, and {@code history.list}. The root URL is configurable (tests point it at
 * break-testkit's {@code FakeGmail}).
 *
 * <p>Failures, classified: 403 {@code rateLimitExceeded}, {@code userRateLimitExceeded},
 * {@code dailyLimitExceeded} and every 429 are rate limits, with the instant of Google's "Retry after
 * &lt;instant&gt;" or its {@code Retry-After} header when it sends one; 401 is an auth failure (the sync
 * refreshes once and replays); 404 on {@code history.list} is an expired cursor, on {@code messages.get}
 * a message deleted meanwhile (left out); 5xx, timeouts and anything else are transient. Only the reason
 * code, the status and the instant cross the port, never Google's message text. Thread-safe.
 */
public final class GmailMailSource implements MailSource {

    /** Gmail's root URL. */
    public static final URI DEFAULT_ROOT_URL = URI.create("https://gmail.googleapis.com/");
    /** Connect and read timeouts, by default: 20 seconds each. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    /** The headers fetched with each message. */
    public static final List<String> METADATA_HEADERS = List.of("From", "To", "Cc", "Subject", "Date");
    /** The most messages one batch request holds (Gmail's recommendation). */
    public static final int MAX_BATCH = 50;

    private static final Pattern RETRY_AFTER = Pattern.compile("Retry after (\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z)");
    private static final String ME = "me";
    /** Gmail's own batch endpoint (the global one is gone). */
    private static final String BATCH_PATH = "batch/gmail/v1";

    private final HttpTransport transport = new NetHttpTransport();
    private final String rootUrl;
    private final Duration timeout;

    private GmailMailSource(URI rootUrl, Duration timeout) {
        String root = rootUrl.toString();
        this.rootUrl = root.endsWith("/") ? root : root + "/";
        this.timeout = timeout;
    }

    /**
     * Gmail itself, with the default timeouts.
     *
     * @return the source
     */
    public static GmailMailSource create() {
        return create(DEFAULT_ROOT_URL, DEFAULT_TIMEOUT);
    }

    /**
     * A Gmail at a root URL.
     *
     * @param rootUrl such as {@link #DEFAULT_ROOT_URL} or a fake's
     * @param timeout the connect and read timeout of every request
     * @return the source
     * @throws IllegalArgumentException if the timeout is not positive
     */
    public static GmailMailSource create(URI rootUrl, Duration timeout) {
        Objects.requireNonNull(rootUrl, "rootUrl");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        return new GmailMailSource(rootUrl, timeout);
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    private Gmail gmail(String accessToken) {
        return new Gmail.Builder(transport, GsonFactory.getDefaultInstance(), request -> prepare(request, accessToken))
                .setRootUrl(rootUrl).setApplicationName("break").build();
    }

    private void prepare(HttpRequest request, String accessToken) {
        request.getHeaders().setAuthorization("Bearer " + accessToken);
        request.setConnectTimeout((int) timeout.toMillis());
        request.setReadTimeout((int) timeout.toMillis());
        request.setNumberOfRetries(0);
    }

    @Override
    public MailProfile profile(String accessToken) {
        try {
            Profile profile = gmail(accessToken).users().getProfile(ME).execute();
            return new MailProfile(Optional.ofNullable(profile.getEmailAddress()).orElse(""),
                    String.valueOf(profile.getHistoryId()),
                    profile.getMessagesTotal() == null ? 0 : profile.getMessagesTotal());
        } catch (IOException e) {
            throw classify(e, false);
        }
    }

    @Override
    public MessagePage listMessages(String accessToken, Instant after, Optional<String> pageToken, int pageSize) {
        try {
            Gmail.Users.Messages.List list = gmail(accessToken).users().messages().list(ME)
                    .setMaxResults((long) Math.max(1, Math.min(500, pageSize)))
                    .setQ("after:" + after.getEpochSecond());
            pageToken.ifPresent(list::setPageToken);
            ListMessagesResponse response = list.execute();
            List<String> ids = new ArrayList<>();
            if (response.getMessages() != null) {
                for (Message m : response.getMessages()) {
                    ids.add(m.getId());
                }
            }
            return new MessagePage(ids, Optional.ofNullable(response.getNextPageToken()));
        } catch (IOException e) {
            throw classify(e, false);
        }
    }

    @Override
    public List<MailMessage> fetchMessages(String accessToken, List<String> messageIds) {
        if (messageIds.isEmpty() || messageIds.size() > MAX_BATCH) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_BATCH + " messages");
        }
        Gmail gmail = gmail(accessToken);
        List<MailMessage> found = new ArrayList<>();
        List<MailSourceException> failures = new ArrayList<>();
        try {
            BatchRequest batch = gmail.batch(request -> prepare(request, accessToken))
                    .setBatchUrl(new GenericUrl(rootUrl + BATCH_PATH));
            for (String id : messageIds) {
                gmail.users().messages().get(ME, id).setFormat("metadata").setMetadataHeaders(METADATA_HEADERS)
                        .queue(batch, new JsonBatchCallback<Message>() {
                            @Override
                            public void onSuccess(Message message, HttpHeaders headers) {
                                found.add(message(message));
                            }

                            @Override
                            public void onFailure(GoogleJsonError error, HttpHeaders headers) {
                                if (error.getCode() != 404) {
                                    failures.add(classify(error.getCode(), reason(error), error.getMessage(),
                                            headers == null ? null : headers.getRetryAfter()));
                                }
                            }
                        });
            }
            batch.execute();
        } catch (IOException e) {
            throw classify(e, false);
        }
        if (!failures.isEmpty()) {
            // a rate limit says most about when to come back; else the first failure
            throw failures.stream().filter(f -> f.kind() == MailSourceException.Kind.RATE_LIMITED)
                    .max((a, b) -> a.retryAt().orElse(Instant.MIN).compareTo(b.retryAt().orElse(Instant.MIN)))
                    .orElse(failures.get(0)).withFetched(found);
        }
        return found;
    }

    @Override
    public MailChanges changesSince(String accessToken, String cursor, Optional<String> pageToken) {
        try {
            Gmail.Users.History.List list = gmail(accessToken).users().history().list(ME)
                    .setStartHistoryId(new BigInteger(cursor)).setMaxResults(500L);
            pageToken.ifPresent(list::setPageToken);
            ListHistoryResponse response = list.execute();
            List<String> added = new ArrayList<>();
            List<String> deleted = new ArrayList<>();
            if (response.getHistory() != null) {
                for (History h : response.getHistory()) {
                    if (h.getMessagesAdded() != null) {
                        for (HistoryMessageAdded a : h.getMessagesAdded()) {
                            added.add(a.getMessage().getId());
                        }
                    }
                    if (h.getMessagesDeleted() != null) {
                        for (HistoryMessageDeleted d : h.getMessagesDeleted()) {
                            deleted.add(d.getMessage().getId());
                        }
                    }
                }
            }
            return new MailChanges.Page(added, deleted, String.valueOf(response.getHistoryId()),
                    Optional.ofNullable(response.getNextPageToken()));
        } catch (NumberFormatException e) {
            return new MailChanges.CursorExpired();
        } catch (IOException e) {
            MailSourceException failure = classify(e, true);
            if (failure.kind() == MailSourceException.Kind.CURSOR_EXPIRED) {
                return new MailChanges.CursorExpired();
            }
            throw failure;
        }
    }

    private static MailMessage message(Message m) {
        Optional<String> from = Optional.empty();
        Optional<String> to = Optional.empty();
        Optional<String> cc = Optional.empty();
        Optional<String> subject = Optional.empty();
        if (m.getPayload() != null && m.getPayload().getHeaders() != null) {
            for (MessagePartHeader header : m.getPayload().getHeaders()) {
                String name = header.getName() == null ? "" : header.getName().toLowerCase(Locale.ROOT);
                Optional<String> value = Optional.ofNullable(header.getValue());
                switch (name) {
                    case "from" -> from = value;
                    case "to" -> to = value;
                    case "cc" -> cc = value;
                    case "subject" -> subject = value;
                    default -> {
                    }
                }
            }
        }
        Instant sent = m.getInternalDate() == null ? Instant.EPOCH : Instant.ofEpochMilli(m.getInternalDate());
        return new MailMessage(m.getId(), Optional.ofNullable(m.getThreadId()).orElse(m.getId()), from, to, cc,
                subject, Optional.ofNullable(m.getSnippet()).orElse(""), sent,
                m.getLabelIds() == null ? List.of() : m.getLabelIds());
    }

    private static String reason(GoogleJsonError error) {
        if (error == null || error.getErrors() == null || error.getErrors().isEmpty()) {
            return null;
        }
        return error.getErrors().get(0).getReason();
    }

    private static MailSourceException classify(IOException e, boolean history) {
        if (e instanceof GoogleJsonResponseException json) {
            GoogleJsonError details = json.getDetails();
            if (history && json.getStatusCode() == 404) {
                return new MailSourceException(MailSourceException.Kind.CURSOR_EXPIRED, "notFound", 404, Optional.empty());
            }
            return classify(json.getStatusCode(), reason(details), details == null ? null : details.getMessage(),
                    json.getHeaders() == null ? null : json.getHeaders().getRetryAfter());
        }
        if (e instanceof HttpResponseException http) {
            if (history && http.getStatusCode() == 404) {
                return new MailSourceException(MailSourceException.Kind.CURSOR_EXPIRED, "notFound", 404, Optional.empty());
            }
            return classify(http.getStatusCode(), null, null,
                    http.getHeaders() == null ? null : http.getHeaders().getRetryAfter());
        }
        String code = e instanceof SocketTimeoutException ? "timeout" : "connection_failed";
        return new MailSourceException(MailSourceException.Kind.TRANSIENT, code, 0, Optional.empty());
    }

    /** Classifies a status and reason; the message is read only for Google's retry-after instant. */
    static MailSourceException classify(int status, String reason, String message, String retryAfterHeader) {
        String code = reason == null ? "http_" + status : reason;
        boolean rateLimit = status == 429 || (status == 403 && ("rateLimitExceeded".equals(reason)
                || "userRateLimitExceeded".equals(reason) || "dailyLimitExceeded".equals(reason)));
        if (rateLimit) {
            return new MailSourceException(MailSourceException.Kind.RATE_LIMITED, code, status,
                    retryAt(message, retryAfterHeader));
        }
        if (status == 401) {
            return new MailSourceException(MailSourceException.Kind.AUTH_FAILED, code, status, Optional.empty());
        }
        return new MailSourceException(MailSourceException.Kind.TRANSIENT, code, status, Optional.empty());
    }

    private static Optional<Instant> retryAt(String message, String header) {
        if (message != null) {
            Matcher m = RETRY_AFTER.matcher(message);
            if (m.find()) {
                try {
                    return Optional.of(Instant.parse(m.group(1)));
                } catch (DateTimeParseException ignored) {
                    // not an instant after all: fall back to the header
                }
            }
        }
        if (header != null && header.trim().matches("\\d{1,6}")) {
            return Optional.of(Instant.now().plusSeconds(Long.parseLong(header.trim())));
        }
        return Optional.empty();
    }
}
