/** The records' HTTP download on the tenant's site (session sign-in). */
package org.consilium.records.web;
