package org.consilium.system;

import java.util.Base64;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The installation's secret key, from {@code CONSILIUM_SECRET_KEY} (32 random bytes,
 * base64: {@code openssl rand -base64 32}). The dev profile has a fixed, public
 * development key.
 */
@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

	@Bean
	SecretBox secretBox(@Value("${consilium.crypto.secret-key:}") String key) {
		if (key.isBlank()) {
			throw new IllegalStateException("Set CONSILIUM_SECRET_KEY to 32 random bytes, base64-encoded "
					+ "(openssl rand -base64 32); it seals secrets such as MFA seeds in the database.");
		}
		return new SecretBox(Base64.getDecoder().decode(key.trim()));
	}

}
