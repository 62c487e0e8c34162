package com.breakagency.spring.boot.web;

import org.springframework.boot.test.context.SpringBootTest;

/** The web contract on H2, the embedded default. */
@SpringBootTest(classes = TestHost.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:break-web;DB_CLOSE_DELAY=-1",
    "management.endpoints.web.exposure.include=health,metrics",
    "management.endpoint.health.show-details=always"})
class H2WebTest extends WebContract {
}
