package com.breakagency.spring.boot.admin;

import com.breakagency.core.BreakAgency;
import com.breakagency.ports.api.diagnostics.AdminIntegrationsView;
import com.breakagency.ports.context.OperationContext;
import java.util.Objects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The integrations view at the old system's path, {@value #PATH}, for the tools that still read it (on with
 * {@code break.admin.legacy-integrations-endpoint=true}). Authorized like the console: ADMIN and SYSTEM.
 */
@RestController
public class LegacyIntegrationsController {

    /** The old endpoint's path. */
    public static final String PATH = "/api/admin/diagnostics/integrations";

    private final BreakAgency agency;

    /**
     * A controller over an agency.
     *
     * @param agency the agency
     */
    public LegacyIntegrationsController(BreakAgency agency) {
        this.agency = Objects.requireNonNull(agency, "agency");
    }

    /**
     * The view.
     *
     * @param context who calls
     * @return the integrations in the old shape
     */
    @GetMapping(PATH)
    public AdminIntegrationsView integrations(OperationContext context) {
        return AdminIntegrationsView.of(agency.diagnostics().health(context).integrations());
    }
}
