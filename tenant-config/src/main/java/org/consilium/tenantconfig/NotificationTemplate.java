package org.consilium.tenantconfig;

import java.util.Optional;

/**
 * A tenant's own wording for one kind of message; parts left out keep the platform's
 * wording. Texts may use the placeholders {@code {programme}} and {@code {name}};
 * messages carry no clinical content, only a link into the platform.
 */
public record NotificationTemplate(Optional<LocalizedText> subject, Optional<LocalizedText> body,
		Optional<LocalizedText> action) {

}
