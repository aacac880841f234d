package org.opsdesk.platform;

import java.nio.file.Path;
import org.opsdesk.shared.FirstStartCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells whoever started Opsdesk where to find it. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Path credentials;

    StartupBanner(@Value("${opsdesk.data-dir}") Path dataDirectory) {
        // written by access (and the demo) at the first start; named here so that whoever started Opsdesk knows where
        // to look
        this.credentials = dataDirectory.toAbsolutePath().normalize().resolve(FirstStartCredentials.FILE_NAME);
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            String base = "http://localhost:" + web.getWebServer().getPort();
            log.info(
                    """

                      Opsdesk is up: {}
                        Console    {}/login  (admin, or a demo operator, with the password generated at the first
                                   start into {}, or OPSDESK_ADMIN_PASSWORD)
                        Portal     {}/portal/sign-in  (clients; in demo mode the demo client, whose password is
                                   in that file too)
                        REST API   {}/api/v1  (Authorization: Bearer <api key>: the demo key in that file, or
                                   the key given in OPSDESK_BOOTSTRAP_API_KEY)
                        API docs   {}/swagger-ui.html
                        Health     {}/actuator/health
                    """,
                    base,
                    base,
                    credentials,
                    base,
                    base,
                    base,
                    base);
        }
    }
}
