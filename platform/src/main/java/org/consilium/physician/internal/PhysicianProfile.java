package org.consilium.physician.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.tenant.TenantOwned;

/**
 * A doctor's professional details on one tenant's site.
 */
@Entity
@Table(name = "physician_profile")
class PhysicianProfile extends TenantOwned {

	@Id
	@Column(name = "user_id")
	private String userId;

	@Column(name = "licence_number", nullable = false)
	private String licenceNumber;

	@Column(nullable = false)
	private String specialty;

	@Column(nullable = false)
	private String practice;

	@Column(nullable = false)
	private String phone;

	private String fax;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected PhysicianProfile() {
	}

	PhysicianProfile(String userId, PhysicianDetails details, Instant now) {
		this.userId = userId;
		update(details, now);
	}

	void update(PhysicianDetails details, Instant now) {
		this.licenceNumber = details.licenceNumber();
		this.specialty = details.specialty();
		this.practice = details.practice();
		this.phone = details.phone();
		this.fax = details.fax();
		this.updatedAt = now;
	}

	PhysicianDetails details() {
		return new PhysicianDetails(this.licenceNumber, this.specialty, this.practice, this.phone, this.fax);
	}

}
