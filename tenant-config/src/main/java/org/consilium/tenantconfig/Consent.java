package org.consilium.tenantconfig;

/**
 * A consent the patient must give before submitting a case. The version is recorded with
 * the signature, so changing the text means changing the version.
 */
public record Consent(String id, String version, LocalizedText text) {

}
