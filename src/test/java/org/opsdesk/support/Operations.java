package org.opsdesk.support;

import java.util.UUID;

/** Builders of operation request bodies for tests: {@code Operations.withdrawal().amount("250.00", "EUR").json()}. */
public final class Operations {

    private String type;
    private String reference = "T-" + UUID.randomUUID();
    private String subject = "client-" + UUID.randomUUID().toString().substring(0, 8);
    private String amountValue;
    private String amountCurrency;
    private String attributes;

    private Operations(String type) {
        this.type = type;
    }

    public static Operations of(String type) {
        return new Operations(type);
    }

    public static Operations withdrawal() {
        return new Operations("withdrawal").amount("250.00", "EUR");
    }

    public static Operations exchangeOrder() {
        return new Operations("exchange_order").amount("1000.00", "EUR");
    }

    public Operations reference(String value) {
        this.reference = value;
        return this;
    }

    public Operations subject(String value) {
        this.subject = value;
        return this;
    }

    public Operations amount(String value, String currency) {
        this.amountValue = value;
        this.amountCurrency = currency;
        return this;
    }

    public Operations attributes(String json) {
        this.attributes = json;
        return this;
    }

    public String reference() {
        return reference;
    }

    public String json() {
        var json = new StringBuilder("{\"type\":\"")
                .append(type)
                .append("\",\"reference\":\"")
                .append(reference)
                .append("\",\"subject\":\"")
                .append(subject)
                .append('"');
        if (amountValue != null) {
            json.append(",\"amount\":{\"value\":\"")
                    .append(amountValue)
                    .append("\",\"currency\":\"")
                    .append(amountCurrency)
                    .append("\"}");
        }
        if (attributes != null) {
            json.append(",\"attributes\":").append(attributes);
        }
        return json.append('}').toString();
    }
}
