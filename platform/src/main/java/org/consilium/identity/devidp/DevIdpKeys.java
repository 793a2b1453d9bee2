package org.consilium.identity.devidp;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.opensaml.security.x509.BasicX509Credential;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The development identity provider's signing key: a fresh RSA key pair and self-signed
 * certificate at every start, never written anywhere. Its metadata is read in-process, so
 * a restart simply brings a new key.
 */
@Component
@Profile("dev")
class DevIdpKeys {

	private final BasicX509Credential credential;

	DevIdpKeys() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048, new SecureRandom());
			KeyPair pair = generator.generateKeyPair();
			X500Name name = new X500Name("CN=Consilium development identity provider");
			Instant now = Instant.now();
			var builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
					Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), name,
					pair.getPublic());
			X509Certificate certificate = new JcaX509CertificateConverter()
				.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
			this.credential = new BasicX509Credential(certificate, pair.getPrivate());
		}
		catch (NoSuchAlgorithmException | OperatorCreationException | CertificateException ex) {
			throw new IllegalStateException("Cannot make the development identity provider's key", ex);
		}
	}

	BasicX509Credential credential() {
		return this.credential;
	}

}
