package org.opsdesk.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Opsdesk where to find it. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            log.info(
                    """

                      Opsdesk is up: {}
                        Console    {}/login  (admin, or a demo operator, with the password logged at the first start)
                        REST API   {}/api/v1  (Authorization: Bearer <api key>: the demo key logged at the
                                   first start, or the key given in OPSDESK_BOOTSTRAP_API_KEY)
                        API docs   {}/swagger-ui.html
                        Health     {}/actuator/health
                    """,
                    base,
                    base,
                    base,
                    base,
                    base);
        }
    }
}
