package org.opsdesk.notifications.rules;

/** Whether a rule's notification goes out by itself or waits for an operator. */
public enum DeliveryMode {
    /** Sent once the change is committed. */
    AUTOMATIC,
    /** Offered on the operation page: the operator previews it in the recipient's language, may edit, and sends. */
    MANUAL
}
