package com.breakagency.core;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the mail sync runs. Immutable; start from {@link #DEFAULT} and change what differs with the withers.
 *
 * @param window              how far back a full sync reaches; 1 to 3,650 days
 * @param interval            the wait between incremental syncs of a connection; at least 10 seconds
 * @param batchSize           messages fetched per batch request; 1 to 50
 * @param pageSize            message ids per listed page; 1 to 500
 * @param unitsPerWindow      the provider quota a mailbox may spend per quota window; at least the cost
 *                            of one message fetch
 * @param quotaWindow         the quota window (windows start at whole multiples since the epoch); 1 second
 *                            to 1 hour
 * @param listCost            units a page of message ids costs
 * @param getCost             units one message's metadata costs
 * @param historyCost         units a page of changes costs
 * @param profileCost         units the mailbox profile costs
 * @param lease               how long a worker holds a connection's sync without renewing it (each batch
 *                            renews it); a sync that shows no progress for longer is DEGRADED; at least 1 second
 * @param slice               how long one step runs batches before it yields to other work; at least 1 second
 * @param resyncInterval      the least time between two resyncs a user asks for; 0 or more
 * @param rateLimitBackoff    the wait after a provider rate limit that names no retry-after
 * @param freeMailDomains     domains that never link a brand ({@code gmx.*} matches every top-level domain)
 * @param agencyDomains       the agency's own domains: their addresses are not participants
 * @param contactsFromUnknownSenders whether the sync creates a contact for a sender no contact has, at the one
 *                            brand with the sender's domain (never free mail, never the agency's); off by default
 */
public record MailSyncSettings(Duration window, Duration interval, int batchSize, int pageSize, int unitsPerWindow,
                               Duration quotaWindow, int listCost, int getCost, int historyCost, int profileCost,
                               Duration lease, Duration slice, Duration resyncInterval, Backoff rateLimitBackoff,
                               Set<String> freeMailDomains, Set<String> agencyDomains,
                               boolean contactsFromUnknownSenders) {

    /** How far back a full sync reaches, by default: 90 days. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(90);
    /** Between incremental syncs, by default: 5 minutes. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);
    /** Messages per batch, by default: 50 (Gmail's most). */
    public static final int DEFAULT_BATCH_SIZE = 50;
    /** Ids per listed page, by default: 500. */
    public static final int DEFAULT_PAGE_SIZE = 500;
    /** A mailbox's quota per window, by default: 6,000 units (Gmail's per-user limit a minute). */
    public static final int DEFAULT_UNITS_PER_WINDOW = 6_000;
    /** The quota window, by default: a minute. */
    public static final Duration DEFAULT_QUOTA_WINDOW = Duration.ofMinutes(1);
    /** A page of message ids, by default: 5 units. */
    public static final int DEFAULT_LIST_COST = 5;
    /** One message's metadata, by default: 20 units (Gmail's cost since May 2026). */
    public static final int DEFAULT_GET_COST = 20;
    /** A page of changes, by default: 2 units. */
    public static final int DEFAULT_HISTORY_COST = 2;
    /** The profile, by default: 1 unit. */
    public static final int DEFAULT_PROFILE_COST = 1;
    /** A worker's hold on a sync, by default: 2 minutes. */
    public static final Duration DEFAULT_LEASE = Duration.ofMinutes(2);
    /** One step's run, by default: 1 minute. */
    public static final Duration DEFAULT_SLICE = Duration.ofMinutes(1);
    /** Between two resyncs of a connection, by default: 1 minute. */
    public static final Duration DEFAULT_RESYNC_INTERVAL = Duration.ofMinutes(1);
    /** After a rate limit without a retry-after, by default: 5 s doubling up to 10 minutes, ±20%. */
    public static final Backoff DEFAULT_RATE_LIMIT_BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(10),
            Integer.MAX_VALUE, 0.2);
    /** Free-mail domains, by default. */
    public static final Set<String> DEFAULT_FREE_MAIL_DOMAINS = Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com",
            "proton.me", "protonmail.com", "pm.me", "aol.com", "gmx.*", "web.de", "mail.com", "zoho.com",
            "yandex.ru", "yandex.com", "fastmail.com", "hey.com", "tutanota.com", "qq.com", "163.com");
    /** Contacts from unknown senders, by default: not created. */
    public static final boolean DEFAULT_CONTACTS_FROM_UNKNOWN_SENDERS = false;

    /** Every default, no agency domains, no contacts created from unknown senders. */
    public static final MailSyncSettings DEFAULT = new MailSyncSettings(DEFAULT_WINDOW, DEFAULT_INTERVAL,
            DEFAULT_BATCH_SIZE, DEFAULT_PAGE_SIZE, DEFAULT_UNITS_PER_WINDOW, DEFAULT_QUOTA_WINDOW, DEFAULT_LIST_COST,
            DEFAULT_GET_COST, DEFAULT_HISTORY_COST, DEFAULT_PROFILE_COST, DEFAULT_LEASE, DEFAULT_SLICE,
            DEFAULT_RESYNC_INTERVAL, DEFAULT_RATE_LIMIT_BACKOFF, DEFAULT_FREE_MAIL_DOMAINS, Set.of(),
            DEFAULT_CONTACTS_FROM_UNKNOWN_SENDERS);

    /**
     * Validates and normalizes the domains to lower case.
     *
     * @param window how far back a full sync reaches; 1 to 3,650 days
     * @param interval the wait between incremental syncs; at least 10 seconds
     * @param batchSize messages per batch; 1 to 50
     * @param pageSize ids per page; 1 to 500
     * @param unitsPerWindow the quota per window; at least {@code getCost}
     * @param quotaWindow the quota window; 1 second to 1 hour
     * @param listCost units of a page of ids; 0 or more
     * @param getCost units of one message; 1 or more
     * @param historyCost units of a page of changes; 0 or more
     * @param profileCost units of the profile; 0 or more
     * @param lease a worker's hold on a sync; at least 1 second
     * @param slice one step's run; at least 1 second
     * @param resyncInterval the least time between two resyncs; 0 or more
     * @param rateLimitBackoff the wait after a rate limit without a retry-after
     * @param freeMailDomains domains that never link a brand
     * @param agencyDomains the agency's own domains
     * @param contactsFromUnknownSenders whether the sync creates contacts from unknown senders at known brands
     * @throws IllegalArgumentException if a value is outside its documented range
     */
    public MailSyncSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(quotaWindow, "quotaWindow");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(slice, "slice");
        Objects.requireNonNull(resyncInterval, "resyncInterval");
        Objects.requireNonNull(rateLimitBackoff, "rateLimitBackoff");
        if (window.compareTo(Duration.ofDays(1)) < 0 || window.compareTo(Duration.ofDays(3650)) > 0) {
            throw new IllegalArgumentException("window must be 1 to 3,650 days");
        }
        if (interval.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("interval must be at least 10 seconds");
        }
        if (batchSize < 1 || batchSize > 50) {
            throw new IllegalArgumentException("batchSize must be 1 to 50");
        }
        if (pageSize < 1 || pageSize > 500) {
            throw new IllegalArgumentException("pageSize must be 1 to 500");
        }
        if (listCost < 0 || historyCost < 0 || profileCost < 0 || getCost < 1) {
            throw new IllegalArgumentException("costs must be 0 or more, and a message's 1 or more");
        }
        if (unitsPerWindow < getCost || unitsPerWindow < listCost || unitsPerWindow < historyCost) {
            throw new IllegalArgumentException("unitsPerWindow must cover at least one call of each kind");
        }
        if (quotaWindow.compareTo(Duration.ofSeconds(1)) < 0 || quotaWindow.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("quotaWindow must be 1 second to 1 hour");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0 || slice.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("lease and slice must be at least 1 second");
        }
        if (resyncInterval.isNegative()) {
            throw new IllegalArgumentException("resyncInterval must not be negative");
        }
        freeMailDomains = lower(freeMailDomains);
        agencyDomains = lower(agencyDomains);
    }

    private static Set<String> lower(Set<String> domains) {
        return Objects.requireNonNull(domains, "domains").stream().map(d -> d.trim().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The same settings with another full-sync window.
     *
     * @param value 1 to 3,650 days
     * @return the settings
     */
    public MailSyncSettings withWindow(Duration value) {
        return new MailSyncSettings(value, interval, batchSize, pageSize, unitsPerWindow, quotaWindow, listCost,
                getCost, historyCost, profileCost, lease, slice, resyncInterval, rateLimitBackoff, freeMailDomains,
                agencyDomains, contactsFromUnknownSenders);
    }

    /**
     * The same settings with another interval between incremental syncs.
     *
     * @param value at least 10 seconds
     * @return the settings
     */
    public MailSyncSettings withInterval(Duration value) {
        return new MailSyncSettings(window, value, batchSize, pageSize, unitsPerWindow, quotaWindow, listCost,
                getCost, historyCost, profileCost, lease, slice, resyncInterval, rateLimitBackoff, freeMailDomains,
                agencyDomains, contactsFromUnknownSenders);
    }

    /**
     * The same settings with other batch and page sizes.
     *
     * @param batch 1 to 50
     * @param page  1 to 500
     * @return the settings
     */
    public MailSyncSettings withSizes(int batch, int page) {
        return new MailSyncSettings(window, interval, batch, page, unitsPerWindow, quotaWindow, listCost,
                getCost, historyCost, profileCost, lease, slice, resyncInterval, rateLimitBackoff, freeMailDomains,
                agencyDomains, contactsFromUnknownSenders);
    }

    /**
     * The same settings with another quota budget.
     *
     * @param units  units a mailbox may spend per window
     * @param length the window, 1 second to 1 hour
     * @return the settings
     */
    public MailSyncSettings withBudget(int units, Duration length) {
        return new MailSyncSettings(window, interval, batchSize, pageSize, units, length, listCost,
                getCost, historyCost, profileCost, lease, slice, resyncInterval, rateLimitBackoff, freeMailDomains,
                agencyDomains, contactsFromUnknownSenders);
    }

    /**
     * The same settings with other costs.
     *
     * @param list    a page of ids
     * @param get     one message
     * @param history a page of changes
     * @param profile the profile
     * @return the settings
     */
    public MailSyncSettings withCosts(int list, int get, int history, int profile) {
        return new MailSyncSettings(window, interval, batchSize, pageSize, unitsPerWindow, quotaWindow, list,
                get, history, profile, lease, slice, resyncInterval, rateLimitBackoff, freeMailDomains,
                agencyDomains, contactsFromUnknownSenders);
    }

    /**
     * The same settings with another lease, slice and resync interval.
     *
     * @param leaseValue  a worker's hold on a sync
     * @param sliceValue  one step's run
     * @param resyncValue the least time between two resyncs
     * @return the settings
     */
    public MailSyncSettings withTiming(Duration leaseValue, Duration sliceValue, Duration resyncValue) {
        return new MailSyncSettings(window, interval, batchSize, pageSize, unitsPerWindow, quotaWindow, listCost,
                getCost, historyCost, profileCost, leaseValue, sliceValue, resyncValue, rateLimitBackoff,
                freeMailDomains, agencyDomains, contactsFromUnknownSenders);
    }

    /**
     * The same settings with other free-mail and agency domains.
     *
     * @param freeMail domains that never link a brand
     * @param agency   the agency's own domains
     * @return the settings
     */
    public MailSyncSettings withDomains(Set<String> freeMail, Set<String> agency) {
        return new MailSyncSettings(window, interval, batchSize, pageSize, unitsPerWindow, quotaWindow, listCost,
                getCost, historyCost, profileCost, lease, slice, resyncInterval, rateLimitBackoff, freeMail, agency,
                contactsFromUnknownSenders);
    }

    /**
     * The same settings with or without contacts created from unknown senders. When on, an email whose sender
     * (its From address, never a To or Cc address) no contact has, and whose domain is one brand's (not free
     * mail, not the agency's, not the mailbox owner's own address), creates one contact at that brand, named by
     * the From header's display name (else the address's part before the {@code @}), audited as
     * {@code CONTACT_CREATED} by the system, in the unit of work that stores the email, which it links. Defaults
     * to off ({@link #DEFAULT_CONTACTS_FROM_UNKNOWN_SENDERS}): unknown senders only link their brand.
     *
     * @param value true to create them
     * @return the settings
     */
    public MailSyncSettings withContactsFromUnknownSenders(boolean value) {
        return new MailSyncSettings(window, interval, batchSize, pageSize, unitsPerWindow, quotaWindow, listCost,
                getCost, historyCost, profileCost, lease, slice, resyncInterval, rateLimitBackoff, freeMailDomains,
                agencyDomains, value);
    }

    /**
     * Whether a domain is free mail by these settings.
     *
     * @param domain lower case
     * @return true if it matches an entry ({@code gmx.*} matches {@code gmx.de})
     */
    public boolean isFreeMail(String domain) {
        if (freeMailDomains.contains(domain)) {
            return true;
        }
        int dot = domain.indexOf('.');
        return dot > 0 && freeMailDomains.contains(domain.substring(0, dot) + ".*");
    }
}
