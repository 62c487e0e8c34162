package com.breakagency.examples.spring;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.crm.CreateBrand;
import com.breakagency.ports.api.crm.CreateDeal;
import com.breakagency.ports.api.crm.CreateTalent;
import com.breakagency.ports.api.crm.MoveDealStage;
import com.breakagency.ports.api.finance.CommissionQuery;
import com.breakagency.ports.api.finance.InvoiceQuery;
import com.breakagency.ports.api.finance.IssueInvoice;
import com.breakagency.ports.api.finance.MarkInvoicePaid;
import com.breakagency.ports.api.finance.PaymentResult;
import com.breakagency.ports.context.OperationContext;
import com.breakagency.ports.model.Money;
import com.breakagency.ports.model.Page;
import com.breakagency.ports.model.crm.Brand;
import com.breakagency.ports.model.crm.Deal;
import com.breakagency.ports.model.crm.DealStage;
import com.breakagency.ports.model.crm.Talent;
import com.breakagency.ports.model.finance.CommissionLine;
import com.breakagency.ports.model.finance.Invoice;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM and finance over REST, each call one call of Break's driving ports as the request's actor: Break
 * validates, authorizes, runs it in a transaction and audits it; whatever it throws the starter answers as
 * problem+json. No controller here checks a role or catches an error.
 */
@RestController
@RequestMapping("/api")
class ReferenceApi {

    /** A new brand: its name, web domains and owning agent. */
    record NewBrand(String name, List<String> domains, String ownerAgentId) {
    }

    /** A new talent profile: name, managing agent (may be null) and home currency (GBP when null). */
    record NewTalent(String name, String managingAgentId, String currency) {
    }

    /** A new deal: brand, talent, owning agent, title, value in minor units of a currency. */
    record NewDeal(String brandId, String talentId, String ownerAgentId, String title, long valueMinor, String currency) {
    }

    /** A stage move, at the version the caller last read. */
    record StageMove(long version, DealStage stage) {
    }

    /** An issue, at the version the caller last read. */
    record Issue(long version) {
    }

    /** A payment of an invoice's balance: when it arrived and the bank's reference. */
    record Paid(LocalDate receivedOn, String externalReference) {
    }

    private final BreakAgency agency;

    ReferenceApi(BreakAgency agency) {
        this.agency = agency;
    }

    @PostMapping("/brands")
    @ResponseStatus(HttpStatus.CREATED)
    Brand createBrand(OperationContext context, @RequestBody NewBrand body) {
        return agency.crm().createBrand(context, CreateBrand.of(body.name(), owner(context, body.ownerAgentId()))
                .withDomains(Set.copyOf(body.domains() == null ? List.of() : body.domains())));
    }

    @PostMapping("/talent")
    @ResponseStatus(HttpStatus.CREATED)
    Talent createTalent(OperationContext context, @RequestBody NewTalent body) {
        CreateTalent command = CreateTalent.named(body.name());
        if (body.managingAgentId() != null) {
            command = command.managedBy(body.managingAgentId());
        }
        if (body.currency() != null) {
            command = command.paidIn(body.currency());
        }
        return agency.crm().createTalent(context, command);
    }

    @PostMapping("/deals")
    @ResponseStatus(HttpStatus.CREATED)
    Deal createDeal(OperationContext context, @RequestBody NewDeal body) {
        return agency.crm().createDeal(context, CreateDeal.of(body.brandId(), body.talentId(),
                owner(context, body.ownerAgentId()), body.title(), Money.of(body.valueMinor(), body.currency())));
    }

    @GetMapping("/deals/{id}")
    Deal getDeal(OperationContext context, @PathVariable String id) {
        return agency.crm().getDeal(context, id);
    }

    @PostMapping("/deals/{id}/stage")
    Deal moveStage(OperationContext context, @PathVariable String id, @RequestBody StageMove body) {
        return agency.crm().moveDealStage(context, new MoveDealStage(id, body.version(), body.stage()));
    }

    @GetMapping("/deals/{id}/invoices")
    Page<Invoice> invoicesOfDeal(OperationContext context, @PathVariable String id) {
        return agency.finance().listInvoices(context, InvoiceQuery.forDeal(id));
    }

    @PostMapping("/invoices/{id}/issue")
    Invoice issue(OperationContext context, @PathVariable String id, @RequestBody Issue body) {
        return agency.finance().issueInvoice(context, IssueInvoice.of(id, body.version()));
    }

    /**
     * Replaying the same {@code Idempotency-Key} returns the first result and writes nothing; without the header
     * Break answers VALIDATION_FAILED for {@code #/idempotencyKey}.
     */
    @PostMapping("/invoices/{id}/mark-paid")
    PaymentResult markPaid(OperationContext context, @PathVariable String id,
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                           @RequestBody Paid body) {
        return agency.finance().markInvoicePaid(context, MarkInvoicePaid.of(id, body.receivedOn(), body.externalReference())
                .withIdempotencyKey(idempotencyKey));
    }

    @GetMapping("/commissions")
    Page<CommissionLine> commissions(OperationContext context, @RequestParam(defaultValue = "50") int limit,
                                     @RequestParam(required = false) String cursor) {
        CommissionQuery query = CommissionQuery.first(limit);
        return agency.finance().listCommissions(context, cursor == null ? query : query.after(cursor));
    }

    private static String owner(OperationContext context, String given) {
        return given != null ? given : context.actor().userId();
    }
}
