package org.consilium.identity.devidp;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo employees of every programme that signs in through the development identity
 * provider (their addresses use the programme's slug, e.g.
 * {@code alex.rivera@acme.example}): an active employee, one whose employment has ended,
 * and an active benefits administrator.
 */
final class DevIdpEmployees {

	static final List<Employee> ALL = List.of(
			new Employee("alex", "Alex", "Rivera", "E1001", "active", List.of("employees")),
			new Employee("sam", "Sam", "Okafor", "E1002", "terminated", List.of("employees")),
			new Employee("dana", "Dana", "Whitfield", "E1003", "active", List.of("employees", "hr-benefits-admins")));

	private DevIdpEmployees() {
	}

	static Optional<Employee> find(String key) {
		return ALL.stream().filter((employee) -> employee.key().equals(key)).findFirst();
	}

	record Employee(String key, String givenName, String surname, String employeeNumber, String employmentStatus,
			List<String> groups) {

		String email(String tenant) {
			return this.givenName.toLowerCase(Locale.ROOT) + "." + this.surname.toLowerCase(Locale.ROOT) + "@" + tenant
					+ ".example";
		}

		/** A stable, opaque subject identifier, as a real IdP's persistent NameID. */
		String nameId(String tenant) {
			return tenant + "-" + this.employeeNumber.toLowerCase(Locale.ROOT);
		}

		String displayName() {
			return this.givenName + " " + this.surname;
		}

	}

}
