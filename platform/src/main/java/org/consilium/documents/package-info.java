/**
 * Branded documents a programme hands out (letters, opinions), laid out the same way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package org.consilium.documents;
