package org.opsdesk.notifications.channels;

import org.jspecify.annotations.Nullable;

/** One email: a subject, a plain-text body and, usually, an HTML alternative. */
public record EmailMessage(String to, String subject, String text, @Nullable String html) {}
