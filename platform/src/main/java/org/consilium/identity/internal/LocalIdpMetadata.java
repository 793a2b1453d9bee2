package org.consilium.identity.internal;

import java.net.URI;
import java.util.Optional;

/**
 * Identity-provider metadata the application can answer itself, without a network round
 * trip: the development identity provider runs in-process, and the JVM cannot resolve
 * {@code *.localhost} host names (only browsers do), so fetching its metadata URL over
 * HTTP would fail. Implemented only in the {@code dev} profile.
 */
public interface LocalIdpMetadata {

	/**
	 * @return the metadata XML when the URL names an identity provider of this
	 * application, else empty (the URL is fetched over HTTP)
	 */
	Optional<String> metadataFor(URI url);

}
