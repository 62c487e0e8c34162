package com.breakagency.archfixture.ports;

import java.sql.Connection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A contract type that breaks the ports rule on purpose: it logs and hands out a JDBC connection. */
public interface LeakyPort {

    /** Logs, which a port must not. */
    Logger LOG = LoggerFactory.getLogger(LeakyPort.class);

    /**
     * Exposes a driver type.
     *
     * @return a connection
     */
    Connection connection();
}
