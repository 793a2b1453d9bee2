/**
 * The patient's local doctor: invitation by a single-use e-mailed link, the doctor's
 * account and profile, the referring-physician letter, and the doctor's part of the case
 * (history, working diagnosis, questions, materials list).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Local doctor")
package org.consilium.physician;
