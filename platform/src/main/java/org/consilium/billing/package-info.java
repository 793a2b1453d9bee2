/**
 * Billing per the programme's rules. So far only what holds without a payment provider:
 * each published case owes per the programme's price book, and while charging through
 * Stripe is not built (or not configured) nothing pretends a charge happened — a platform
 * admin settles by hand, with a reason, which lets the case close.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing")
package org.consilium.billing;
