package org.consilium.tenant;

/**
 * A logo, favicon or metadata file of a tenant's current configuration.
 */
public record TenantAsset(String path, String mediaType, String sha256, byte[] content) {

}
