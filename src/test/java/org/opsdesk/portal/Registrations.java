package org.opsdesk.portal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Test data builder of portal registration forms: a valid person or company, with fields changed one by one. */
final class Registrations {

    static final String PASSWORD = "correct horse battery staple";

    private final Map<String, String> fields = new LinkedHashMap<>();

    private Registrations() {}

    /** A Polish person born 14 May 1944 (the PESEL of the Polish Wikipedia), with a PLN payout account. */
    static Registrations person() {
        var form = new Registrations();
        form.fields.put("kind", "person");
        form.fields.put("firstName", "Zofia");
        form.fields.put("lastName", "Kowalska-Żółć");
        form.fields.put("birthDate", "1944-05-14");
        form.fields.put("nationalId", "44051401359");
        form.common();
        return form;
    }

    /** A Polish company with PKN Orlen's NIP and REGON. */
    static Registrations company() {
        var form = new Registrations();
        form.fields.put("kind", "company");
        form.fields.put("companyName", "Kantor Przykładowy sp. z o.o.");
        form.fields.put("registrationNumber", "610188201");
        form.fields.put("taxNumber", "774-000-14-54");
        form.fields.put("representative", "Jan Nowak");
        form.common();
        return form;
    }

    private void common() {
        fields.put("country", "PL");
        fields.put("street", "ul. Marszałkowska 1");
        fields.put("postalCode", "00-001");
        fields.put("city", "Warszawa");
        fields.put("email", "client-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        fields.put("phone", "+48 600 100 200");
        fields.put("consentEmail", "on");
        fields.put("consentSms", "on");
        fields.put("password", PASSWORD);
        fields.put("passwordRepeat", PASSWORD);
        fields.put("payoutCurrency0", "PLN");
        fields.put("payoutIban0", "PL61 1090 1014 0000 0712 1981 2874");
    }

    Registrations with(String field, String value) {
        fields.put(field, value);
        if (field.equals("password")) {
            fields.put("passwordRepeat", value);
        }
        return this;
    }

    Registrations without(String field) {
        fields.remove(field);
        return this;
    }

    String email() {
        return fields.get("email");
    }

    Map<String, String> fields() {
        return Map.copyOf(fields);
    }
}
