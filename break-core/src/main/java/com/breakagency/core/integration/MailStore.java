package com.breakagency.core.integration;

import com.breakagency.core.MailSyncSettings;
import com.breakagency.core.internal.Audit;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.EntityRef;
import com.breakagency.ports.model.EntityType;
import com.breakagency.ports.model.audit.AuditAction;
import com.breakagency.ports.model.crm.Activity;
import com.breakagency.ports.model.crm.ActivityKind;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Contact;
import com.breakagency.ports.model.integration.Connection;
import com.breakagency.ports.model.mail.Email;
import com.breakagency.ports.spi.Activities;
import com.breakagency.ports.spi.Brands;
import com.breakagency.ports.spi.Contacts;
import com.breakagency.ports.spi.Emails;
import com.breakagency.ports.spi.IdGenerator;
import com.breakagency.ports.spi.mail.MailMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stores synced messages once and links them: a participant address equal to a contact's address links that
 * contact, its domain the brand with that domain; free-mail domains never link a brand, and the mailbox
 * owner's address and the agency's domains are not participants. Each new link puts the email on the
 * linked record's timeline. With {@link MailSyncSettings#contactsFromUnknownSenders()} on, a sender no contact
 * has, at the one brand with its domain, becomes a contact at that brand (audited as the system's
 * CONTACT_CREATED, as the CRM audits one), which the email links; the store's unique contact addresses keep it
 * one contact per address. A relink looks up the participants no contact was found for before, so an
 * address or domain a contact or brand gained since links the emails already stored. Called inside the
 * sync's units of work; one instance per sync run (it caches look-ups for the run). Not thread-safe.
 */
final class MailStore {

    private static final int TEXT_MAX = 300;
    private static final int PAGE = 200;
    private static final int NAME_MAX = 200;

    private final Emails emails;
    private final Contacts contacts;
    private final Brands brands;
    private final Activities activities;
    private final IdGenerator ids;
    private final Clock clock;
    private final MailSyncSettings settings;
    private final Audit audit;
    private final OperationContext context;
    private final Map<String, Optional<String>> contactOf = new HashMap<>();
    private final Map<String, Optional<String>> brandOf = new HashMap<>();

    MailStore(Emails emails, Contacts contacts, Brands brands, Activities activities, IdGenerator ids, Clock clock,
              MailSyncSettings settings, Audit audit, OperationContext context) {
        this.emails = emails;
        this.contacts = contacts;
        this.brands = brands;
        this.activities = activities;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.audit = audit;
        this.context = context;
    }

    /** Stores the messages the connection has not stored yet, and links them; returns how many were new. */
    int store(Connection connection, List<MailMessage> messages) {
        Set<String> already = emails.existing(connection.id(),
                messages.stream().map(MailMessage::messageId).collect(Collectors.toList()));
        int stored = 0;
        for (MailMessage m : messages) {
            if (!already.add(m.messageId())) {
                continue;
            }
            Optional<String> from = Addresses.parse(m.from()).stream().findFirst();
            Email email = new Email(ids.nextId(), connection.id(), m.messageId(), m.threadId(), from,
                    Addresses.parse(m.to()), Addresses.parse(m.cc()), text(m.subject().orElse("")), text(m.snippet()),
                    m.sentAt(),
                    new LinkedHashSet<>(m.labels()), false, clock.instant());
            emails.insert(email);
            stored++;
            Set<String> participants = participants(connection, email);
            Set<String> linked = new HashSet<>();
            for (String address : participants) {
                Optional<String> contact = contactOf.computeIfAbsent(address,
                        a -> contacts.findByEmail(a).map(Contact::id));
                if (contact.isEmpty() && from.equals(Optional.of(address)) && settings.contactsFromUnknownSenders()) {
                    contact = fromSender(address, m.from());
                }
                if (contact.isPresent()) {
                    linked.add(address);
                    link(connection, email, EntityRef.of(EntityType.CONTACT, contact.get()));
                }
                brand(Addresses.domain(address)).ifPresent(b -> link(connection, email, EntityRef.of(EntityType.BRAND, b)));
            }
            emails.addParticipants(connection.id(), email.id(), participants, linked);
        }
        return stored;
    }

    /**
     * A contact for a sender no contact has, at the brand with its domain, if one has it (never free mail or
     * the agency's): named by the header's display name, else the address's local part. The new contact
     * is not cached: the next email looks its address up again, in its own unit of work.
     */
    private Optional<String> fromSender(String address, Optional<String> header) {
        Optional<String> brand = brand(Addresses.domain(address));
        if (brand.isEmpty()) {
            return Optional.empty();
        }
        String name = Addresses.displayName(header).filter(n -> !n.equalsIgnoreCase(address))
                .orElse(address.substring(0, address.indexOf('@')));
        Instant now = clock.instant();
        Contact contact = new Contact(ids.nextId(), brand, text(name.length() <= NAME_MAX ? name
                : name.substring(0, NAME_MAX)).strip(), address, Set.of(), Optional.empty(), Optional.empty(), false,
                1, now, now);
        contactOf.remove(address);
        contacts.insert(contact);
        // the fields, in the order, a contact created through the CRM is audited with; addresses only as changed
        Map<String, String> changes = new LinkedHashMap<>();
        changes.put("name", contact.name());
        changes.put("brandId", brand.get());
        changes.put("title", "");
        changes.put("emails", "[changed]");
        changes.put("phone", "[changed]");
        audit.record(context, AuditAction.CONTACT_CREATED, EntityRef.of(EntityType.CONTACT, contact.id()), changes);
        return Optional.of(contact.id());
    }

    /** Forgets the run's look-ups, after a unit of work of this store was rolled back. */
    void forget() {
        contactOf.clear();
        brandOf.clear();
    }

    /** Header text as every store keeps it: control characters (NUL among them) become spaces. */
    private static String text(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? ' ' : c);
        }
        return out.toString();
    }

    /** The participants that may link: every address but the owner's and the agency's. */
    private Set<String> participants(Connection connection, Email email) {
        Set<String> out = new LinkedHashSet<>();
        String own = connection.accountAddress().trim().toLowerCase(java.util.Locale.ROOT);
        for (String address : email.participants()) {
            if (!address.equals(own) && !settings.agencyDomains().contains(Addresses.domain(address))) {
                out.add(address);
            }
        }
        return out;
    }

    private Optional<String> brand(String domain) {
        if (settings.isFreeMail(domain) || settings.agencyDomains().contains(domain)) {
            return Optional.empty();
        }
        return brandOf.computeIfAbsent(domain, d -> brands.findByDomain(d).map(Brand::id));
    }

    private boolean link(Connection connection, Email email, EntityRef subject) {
        boolean added = emails.link(email.id(), subject);
        if (added) {
            String text = "Email: " + (email.subject().isBlank() ? "(no subject)" : email.subject());
            activities.append(new Activity(ids.nextId(), subject, ActivityKind.EMAIL, connection.ownerUserId(),
                    email.sentAt(), text.length() <= TEXT_MAX ? text : text.substring(0, TEXT_MAX - 1) + "\u2026"));
        }
        return added;
    }

    /**
     * Looks up again the participants of the connection's emails that no contact was found for, at most
     * {@code max} of them, and links what matches now; returns how many links are new.
     */
    int relink(Connection connection, int max) {
        int links = 0;
        Optional<String> after = Optional.empty();
        for (int seen = 0; seen < max; ) {
            List<String> page = emails.unlinkedParticipants(connection.id(), after, Math.min(PAGE, max - seen));
            for (String address : page) {
                Optional<String> contact = contacts.findByEmail(address).map(Contact::id);
                Optional<String> brand = brand(Addresses.domain(address));
                if (contact.isEmpty() && brand.isEmpty()) {
                    continue;
                }
                Optional<String> afterEmail = Optional.empty();
                while (true) {
                    List<String> emailIds = emails.withParticipant(connection.id(), address, afterEmail, PAGE);
                    for (String emailId : emailIds) {
                        Optional<Email> email = emails.findById(emailId);
                        if (email.isEmpty()) {
                            continue;
                        }
                        if (contact.isPresent() && link(connection, email.get(), EntityRef.of(EntityType.CONTACT, contact.get()))) {
                            links++;
                        }
                        if (brand.isPresent() && link(connection, email.get(), EntityRef.of(EntityType.BRAND, brand.get()))) {
                            links++;
                        }
                    }
                    if (emailIds.size() < PAGE) {
                        break;
                    }
                    afterEmail = Optional.of(emailIds.get(emailIds.size() - 1));
                }
                if (contact.isPresent()) {
                    emails.participantLinked(connection.id(), address);
                }
            }
            if (page.size() < Math.min(PAGE, max - seen)) {
                break;
            }
            seen += page.size();
            after = Optional.of(page.get(page.size() - 1));
        }
        return links;
    }
}
