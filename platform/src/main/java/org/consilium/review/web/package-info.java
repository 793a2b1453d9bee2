/**
 * The published opinion over HTTP on the programme's site: its branded PDF.
 */
package org.consilium.review.web;
