package org.opsdesk.notifications.templates;

import org.jspecify.annotations.Nullable;

/**
 * A message in one language, ready to send or to show as a preview.
 *
 * @param locale the language it was rendered in: the recipient's, or {@code en} when theirs is not offered
 * @param subject the email subject or push title, when the channel has one
 * @param html the HTML body, for email
 */
public record RenderedMessage(String locale, @Nullable String subject, String text, @Nullable String html) {}
