/**
 * A Stripe-shaped HTTP server for tests
 * ({@link org.consilium.support.stripe.StripeServer}), so the platform's billing runs the
 * real Stripe SDK against Stripe's behaviour without the network.
 */
package org.consilium.support.stripe;
