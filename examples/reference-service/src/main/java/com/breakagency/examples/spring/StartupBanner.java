package com.breakagency.examples.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where the service is once it is ready. */
@Component
class StartupBanner {

    private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        String base = "http://localhost:" + port;
        LOG.info("Break reference service is up: {}/  (admin console: {}/demo/login?role=ADMIN)", base, base);
        System.out.println();
        System.out.println("  Break reference service: " + base + "/");
        System.out.println("  Admin console (signed in as the demo's administrator): " + base + "/demo/login?role=ADMIN");
        System.out.println();
    }
}
