/**
 * The REST API under {@code /api/v1}: JSON representations (never entities) and RFC 9457
 * problem details for every error.
 */
@org.springframework.modulith.ApplicationModule(displayName = "REST API")
package org.consilium.api;
