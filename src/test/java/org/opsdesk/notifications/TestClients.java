package org.opsdesk.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.opsdesk.support.ApiClient;

/** Clients put into the directory through its API, as an integrator does; each with a fresh subject. */
public final class TestClients {

    private TestClients() {}

    /**
     * Ana Souza in the given language.
     *
     * @param contact JSON members of the contact data, e.g. {@code "email":"ana@example.com"}
     * @param consentChannel the one channel she states a consent for, or null for none
     */
    public static String create(ApiClient api, String locale, String contact, String consentChannel, boolean granted) {
        String subject = "client-" + UUID.randomUUID();
        String consents = consentChannel == null
                ? ""
                : ",\"consents\":{\"" + consentChannel + "\":{\"granted\":" + granted + ",\"source\":\"app\"}}";
        var response = api.put(
                "/api/v1/clients/" + subject,
                "{\"name\":\"Ana Souza\",\"locale\":\"" + locale + "\"," + contact + consents + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return subject;
    }
}
