package org.consilium.tenantconfig;

/**
 * Where the programme's users get help.
 */
public record Contact(String email, String phone) {

}
