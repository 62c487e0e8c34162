package com.breakagency.adapter.sentry;

import com.breakagency.ports.error.Redaction;
import io.sentry.Breadcrumb;
import io.sentry.EventProcessor;
import io.sentry.Hint;
import io.sentry.JsonSerializable;
import io.sentry.SentryEvent;
import io.sentry.SentryOptions;
import io.sentry.protocol.Contexts;
import io.sentry.protocol.Mechanism;
import io.sentry.protocol.Message;
import io.sentry.protocol.SentryException;
import io.sentry.protocol.User;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last pass over an event before it leaves: every free text passes {@link Redaction#redact(String)}
 * (the same redaction the boundary applies, so this is defense in depth), the user is cut down to its
 * id, and request data is removed.
 *
 * <p>Covered: the message, the value of every exception in the chain and its mechanism's description,
 * tags, extras, contexts (maps, keys included, lists and strings; the SDK's own typed contexts such as {@code runtime}
 * and {@code trace} hold no free text and stay as they are), breadcrumbs (message and data), the
 * transaction, logger and fingerprint. Stack frames hold class, method and file names only and are kept.
 *
 * <p>Stateless and thread-safe. Used as the {@code beforeSend} callback of Break's own client and as a
 * scope event processor on each report sent through the host's Sentry.
 */
final class Scrubber implements SentryOptions.BeforeSendCallback, EventProcessor {

    /** The one instance. */
    static final Scrubber INSTANCE = new Scrubber();

    private Scrubber() {
    }

    @Override
    public SentryEvent execute(SentryEvent event, Hint hint) {
        return scrub(event);
    }

    @Override
    public SentryEvent process(SentryEvent event, Hint hint) {
        return scrub(event);
    }

    /**
     * Scrubs an event in place.
     *
     * @param event the event
     * @return the same event
     */
    static SentryEvent scrub(SentryEvent event) {
        Message message = event.getMessage();
        if (message != null) {
            message.setFormatted(Redaction.redact(message.getFormatted()));
            message.setMessage(Redaction.redact(message.getMessage()));
            if (message.getParams() != null) {
                message.setParams(redactStrings(message.getParams()));
            }
        }
        if (event.getExceptions() != null) {
            for (SentryException exception : event.getExceptions()) {
                exception.setValue(Redaction.redact(exception.getValue()));
                Mechanism mechanism = exception.getMechanism();
                if (mechanism != null) {
                    mechanism.setDescription(Redaction.redact(mechanism.getDescription()));
                    if (mechanism.getData() != null) {
                        mechanism.setData(redactMap(mechanism.getData()));
                    }
                }
            }
        }
        if (event.getTags() != null) {
            Map<String, String> tags = new LinkedHashMap<>();
            event.getTags().forEach((key, value) -> tags.put(Redaction.redact(key), Redaction.redact(value)));
            event.setTags(tags);
        }
        if (event.getExtras() != null) {
            event.setExtras(redactMap(event.getExtras()));
        }
        scrubContexts(event.getContexts());
        if (event.getBreadcrumbs() != null) {
            for (Breadcrumb breadcrumb : event.getBreadcrumbs()) {
                breadcrumb.setMessage(Redaction.redact(breadcrumb.getMessage()));
                Map<String, Object> data = breadcrumb.getData();
                for (String key : data == null ? List.<String>of() : new ArrayList<>(data.keySet())) {
                    breadcrumb.setData(key, redactValue(breadcrumb.getData(key)));
                }
            }
        }
        User user = event.getUser();
        if (user != null) {
            User idOnly = new User();
            idOnly.setId(Redaction.redact(user.getId()));
            event.setUser(idOnly);
        }
        event.setRequest(null);
        event.setTransaction(Redaction.redact(event.getTransaction()));
        event.setLogger(Redaction.redact(event.getLogger()));
        if (event.getFingerprints() != null) {
            event.setFingerprints(redactStrings(event.getFingerprints()));
        }
        return event;
    }

    private static void scrubContexts(Contexts contexts) {
        for (String key : Collections.list(contexts.keys())) {
            Object value = contexts.get(key);
            if (value instanceof JsonSerializable) {
                continue;
            }
            contexts.put(key, redactValue(value));
        }
    }

    private static List<String> redactStrings(List<String> values) {
        List<String> out = new ArrayList<>(values.size());
        for (String value : values) {
            out.add(Redaction.redact(value));
        }
        return out;
    }

    private static Map<String, Object> redactMap(Map<?, ?> values) {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((key, value) -> out.put(Redaction.redact(String.valueOf(key)), redactValue(value)));
        return out;
    }

    private static Object redactValue(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return redactMap(map);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> out = new ArrayList<>(collection.size());
            collection.forEach(item -> out.add(redactValue(item)));
            return out;
        }
        if (value instanceof Object[] array) {
            List<Object> out = new ArrayList<>(array.length);
            for (Object item : array) {
                out.add(redactValue(item));
            }
            return out;
        }
        return Redaction.redact(String.valueOf(value));
    }
}
