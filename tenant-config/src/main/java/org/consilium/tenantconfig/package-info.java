/**
 * The tenant model as plain records, and the YAML loader that validates tenant files with
 * messages naming file, path and reason. No Spring here: the platform and tools share it.
 */
package org.consilium.tenantconfig;
