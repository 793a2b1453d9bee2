package org.consilium.physician.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local doctor's part, as configured.
 *
 * @param invitationValidity how long an invitation link can be used
 * @param recordsEmail where doctors e-mail records (the letter says so)
 * @param recordsFax the fax number for records
 * @param postalAddress where records on paper or discs are mailed, lines separated by
 * {@code |}
 */
@ConfigurationProperties("consilium.physician")
public record PhysicianProperties(@DefaultValue("14d") Duration invitationValidity,
		@DefaultValue("records@consilium.example") String recordsEmail,
		@DefaultValue("+1 617 555 0199") String recordsFax,
		@DefaultValue("Consilium Records Intake|PO Box 1000|Boston, MA 02101|USA") String postalAddress) {

}
