/**
 * A benchmark of what the tenant boundary costs: the same tenant-scoped case-list query
 * through the full stack with and without row-level security, and as plain JDBC. Built
 * and run only with the Maven profile {@code bench}; see docs/benchmarks.md.
 */
package org.consilium.bench;
