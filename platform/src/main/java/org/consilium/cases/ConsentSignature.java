package org.consilium.cases;

import java.util.Locale;

/**
 * A consent as the patient signed it: by typing their name, having read it in a language.
 */
public record ConsentSignature(String consentId, String signedName, Locale readIn) {

}
