package org.consilium.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The language a {@link Browser} parameter prefers (its Accept-Language), e.g.
 * {@code "es"}; English when absent.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BrowserLanguage {

	String value();

}
