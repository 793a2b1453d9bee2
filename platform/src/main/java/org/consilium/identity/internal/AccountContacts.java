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

	AccountContacts(AccountRepository accounts, Partitions partitions) {
		this.accounts = accounts;
		this.partitions = partitions;
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
