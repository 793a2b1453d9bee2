package org.consilium.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A copy of the shipped tenant files plus test-only tenants, for tests that need a
 * workflow variant no demo tenant has. Point {@code consilium.tenancy.tenants-directory}
 * at {@link #directory()} with a {@code @DynamicPropertySource}.
 */
public final class TestTenantFiles {

	private final Path directory;

	private TestTenantFiles(Path directory) {
		this.directory = directory;
	}

	/** A fresh copy of {@code tenant-config/tenants}. */
	public static TestTenantFiles copyOfShipped() {
		try {
			Path target = Files.createTempDirectory("consilium-tenants").resolve("tenants");
			Path source = Path.of("..", "tenant-config", "tenants");
			try (Stream<Path> files = Files.walk(source)) {
				for (Path file : files.toList()) {
					Path copy = target.resolve(source.relativize(file).toString());
					if (Files.isDirectory(file)) {
						Files.createDirectories(copy);
					}
					else {
						Files.copy(file, copy);
					}
				}
			}
			return new TestTenantFiles(target);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Adds a tenant made from the public tenant's file: slug and host
	 * {@code <slug>.localhost}, then the given edit.
	 */
	public TestTenantFiles withTenantLikePublic(String slug, UnaryOperator<String> edit) {
		try {
			String yaml = Files.readString(this.directory.resolve("public.yaml"))
				.replace("slug: public", "slug: " + slug)
				.replace("public.localhost", slug + ".localhost");
			Files.writeString(this.directory.resolve(slug + ".yaml"), edit.apply(yaml));
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String directory() {
		return this.directory.toString();
	}

}
