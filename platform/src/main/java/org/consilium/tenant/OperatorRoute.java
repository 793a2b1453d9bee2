package org.consilium.tenant;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a view that exists only on the operator site. Views without it exist only on
 * tenant sites, unless marked {@link AnySite}. Elsewhere they answer "not found".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OperatorRoute {

}
