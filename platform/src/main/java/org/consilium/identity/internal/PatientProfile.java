package org.consilium.identity.internal;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.consilium.identity.Demographics;
import org.consilium.tenant.TenantOwned;

@Entity
@Table(name = "patient_profile")
class PatientProfile extends TenantOwned {

	@Id
	@Column(name = "user_id")
	private String userId;

	@Column(name = "legal_name", nullable = false)
	private String legalName;

	@Column(name = "date_of_birth", nullable = false)
	private LocalDate dateOfBirth;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private Demographics.Sex sex;

	@Column(name = "address_line", nullable = false)
	private String addressLine;

	@Column(nullable = false)
	private String city;

	private String region;

	@Column(name = "postal_code")
	private String postalCode;

	@Column(nullable = false)
	private String country;

	@Column(nullable = false)
	private String phone;

	@Column(name = "preferred_language", nullable = false)
	private String preferredLanguage;

	@Column(name = "employee_id")
	private String employeeId;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected PatientProfile() {
	}

	PatientProfile(String userId) {
		this.userId = userId;
	}

	void update(Demographics d, Instant now) {
		this.legalName = d.legalName();
		this.dateOfBirth = d.dateOfBirth();
		this.sex = d.sex();
		this.addressLine = d.addressLine();
		this.city = d.city();
		this.region = d.region();
		this.postalCode = d.postalCode();
		this.country = d.country();
		this.phone = d.phone();
		this.preferredLanguage = d.preferredLanguage();
		this.employeeId = d.employeeId();
		this.updatedAt = now;
	}

	Demographics demographics() {
		return new Demographics(this.legalName, this.dateOfBirth, this.sex, this.addressLine, this.city, this.region,
				this.postalCode, this.country, this.phone, this.preferredLanguage, this.employeeId);
	}

}
