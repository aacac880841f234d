package org.opsdesk.notifications.templates;

/** The files a message template is made of, per locale: {@code <template>.<locale>.<suffix>}. */
public enum TemplatePart {
    /** The email subject or push title: one line of plain text. */
    SUBJECT("subject.txt"),
    /** The plain-text body (email alternative, SMS, push). */
    TEXT("txt"),
    /** The HTML body of an email. */
    HTML("html");

    private final String suffix;

    TemplatePart(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }
}
