/**
 * Break's contract: the model records, the commands and queries, the driving ports a host calls
 * ({@code api}), the driven ports adapters implement ({@code spi}), the error taxonomy and the operation
 * context. Every package is exported: all of it is API.
 *
 * <p>The module is open: the contract is data, and what reads data reflectively may read all of it —
 * Hibernate Validator reads the constraints on record components (and their private fields), a host's JSON
 * mapper reads the records it serializes. Nothing here holds a secret that reflection could reveal.
 */
open module com.breakagency.ports {
    requires transitive jakarta.validation;

    exports com.breakagency.ports.api;
    exports com.breakagency.ports.api.audit;
    exports com.breakagency.ports.api.crm;
    exports com.breakagency.ports.api.diagnostics;
    exports com.breakagency.ports.api.finance;
    exports com.breakagency.ports.api.integration;
    exports com.breakagency.ports.api.recovery;
    exports com.breakagency.ports.context;
    exports com.breakagency.ports.error;
    exports com.breakagency.ports.model;
    exports com.breakagency.ports.model.audit;
    exports com.breakagency.ports.model.crm;
    exports com.breakagency.ports.model.finance;
    exports com.breakagency.ports.model.integration;
    exports com.breakagency.ports.model.work;
    exports com.breakagency.ports.spi;
    exports com.breakagency.ports.spi.oauth;
    exports com.breakagency.ports.validation;
    exports com.breakagency.ports.model.mail;
    exports com.breakagency.ports.spi.mail;
}
