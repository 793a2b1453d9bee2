package org.consilium.identity.internal;

import java.util.Optional;
import java.util.UUID;

import org.consilium.identity.Contacts;

import org.springframework.stereotype.Component;

/**
 * Contacts from the accounts of the current site (row-level security keeps it to that
 * site).
 */
@Component
class AccountContacts implements Contacts {

	private final AccountRepository accounts;

	private final Partitions partitions;

	private final org.springframework.jdbc.core.JdbcTemplate jdbc;

	AccountContacts(AccountRepository accounts, Partitions partitions,
			org.springframework.jdbc.core.JdbcTemplate jdbc) {
		this.accounts = accounts;
		this.partitions = partitions;
		this.jdbc = jdbc;
	}

	@Override
	public java.util.List<Contact> withRole(org.consilium.tenantconfig.Role role) {
		// Roles are stored as a comma-separated list; the LIKE narrows, the split
		// decides.
		return this.partitions.inCurrentSite(() -> this.jdbc.query(
				"select id, email, display_name, roles from user_account where status = 'ACTIVE' and roles like ? "
						+ "order by email",
				(row, index) -> java.util.Arrays.asList(row.getString("roles").split(",")).contains(role.name())
						? new Contact(row.getString("id"), row.getString("email"), row.getString("display_name"))
						: null,
				"%" + role.name() + "%")
			.stream()
			.filter(java.util.Objects::nonNull)
			.toList());
	}

	@Override
	public Optional<Contact> find(String userId) {
		UUID id;
		try {
			id = UUID.fromString(userId);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		return this.partitions.inCurrentSite(() -> this.accounts.findById(id)
			.map((account) -> new Contact(userId, account.email(), account.displayName())));
	}

}
