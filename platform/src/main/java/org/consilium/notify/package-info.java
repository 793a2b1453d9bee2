/**
 * Messages that are never lost: a transactional outbox written with the change that
 * causes it, dispatched by SMTP with retries, branded per tenant and translated; and the
 * same events as in-app notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.consilium.notify;
