package org.consilium.identity.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.consilium.tenantconfig.Role;

/**
 * Roles as a sorted, comma-separated column: few per user, always read with the account.
 */
@Converter
class RolesConverter implements AttributeConverter<Set<Role>, String> {

	@Override
	public String convertToDatabaseColumn(Set<Role> roles) {
		return roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
	}

	@Override
	public Set<Role> convertToEntityAttribute(String column) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (column != null && !column.isBlank()) {
			Arrays.stream(column.split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
		}
		return roles;
	}

}
