package org.consilium.tenantconfig;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Tells an asset's type from its content, never from its name.
 */
public final class AssetTypes {

	private static final int SNIFF = 1024;

	private AssetTypes() {
	}

	/** The image media type of the bytes, if they are a PNG, JPEG, ICO or SVG image. */
	public static Optional<String> imageType(byte[] bytes) {
		if (startsWith(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
			return Optional.of("image/png");
		}
		if (startsWith(bytes, 0xFF, 0xD8, 0xFF)) {
			return Optional.of("image/jpeg");
		}
		if (startsWith(bytes, 0x00, 0x00, 0x01, 0x00)) {
			return Optional.of("image/x-icon");
		}
		String head = head(bytes);
		if ((head.startsWith("<?xml") || head.startsWith("<svg") || head.startsWith("<!--")) && head.contains("<svg")) {
			return Optional.of("image/svg+xml");
		}
		return Optional.empty();
	}

	static boolean looksLikeSamlMetadata(byte[] bytes) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		return text.stripLeading().startsWith("<") && text.contains("EntityDescriptor");
	}

	private static String head(byte[] bytes) {
		return new String(Arrays.copyOf(bytes, Math.min(bytes.length, SNIFF)), StandardCharsets.UTF_8).stripLeading();
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		if (bytes.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xFF) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

}
