package org.consilium.notify;

import java.util.Locale;
import java.util.Optional;

import org.consilium.tenantconfig.NotificationKind;

/**
 * Something to tell a person: by e-mail always, in the app as well when they have an
 * account. Carries no clinical content, only a link into the platform.
 *
 * @param link absolute URL into the recipient's site (verification link, case page)
 * @param recipientUserId the account to show an in-app notice to, if any
 */
public record Notice(NotificationKind kind, String recipientEmail, String recipientName,
		Optional<String> recipientUserId, Locale locale, String link) {

	public static Notice email(NotificationKind kind, String email, String name, Locale locale, String link) {
		return new Notice(kind, email, name, Optional.empty(), locale, link);
	}

	public Notice toUser(String userId) {
		return new Notice(this.kind, this.recipientEmail, this.recipientName, Optional.of(userId), this.locale,
				this.link);
	}

}
