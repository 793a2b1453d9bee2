package org.consilium.identity.internal;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.consilium.system.SecretBox;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The token signing keys, kept in the database so every node and every restart signs and
 * checks with the same keys. Private keys are sealed with the installation key.
 * {@link #rotate()} makes a new key the signing key; the old one stays published (for
 * checking) until retired keys are pruned.
 */
@Component
class SigningKeys implements JWKSource<SecurityContext>, SmartInitializingSingleton {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final SecretBox secrets;

	private final Clock clock;

	private volatile JWKSet keys = new JWKSet();

	SigningKeys(JdbcTemplate jdbc, javax.sql.DataSource dataSource, SecretBox secrets, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
		this.secrets = secrets;
		this.clock = clock;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transactions.executeWithoutResult((status) -> {
			lock();
			Integer active = this.jdbc.queryForObject("select count(*) from oauth2_signing_key where status = 'ACTIVE'",
					Integer.class);
			if (active == null || active == 0) {
				insertNewKey();
			}
		});
		reload();
	}

	/** Makes a new key the signing key; the previous ones stay published for checking. */
	String rotate() {
		String kid = this.transactions.execute((status) -> {
			lock();
			this.jdbc.update("update oauth2_signing_key set status = 'RETIRED', retired_at = ? where status = 'ACTIVE'",
					Timestamp.from(this.clock.instant()));
			return insertNewKey();
		});
		reload();
		return kid;
	}

	/** Re-reads the keys (another node may have rotated them). */
	void reload() {
		List<JWK> jwks = new ArrayList<>();
		this.jdbc.query("select kid, private_key, public_key, status from oauth2_signing_key "
				+ "order by case status when 'ACTIVE' then 0 else 1 end, created_at desc", (row) -> {
					try {
						KeyFactory factory = KeyFactory.getInstance("RSA");
						RSAPublicKey publicKey = (RSAPublicKey) factory
							.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(row.getString(3))));
						RSAPrivateKey privateKey = (RSAPrivateKey) factory.generatePrivate(new PKCS8EncodedKeySpec(
								Base64.getDecoder().decode(this.secrets.open(row.getString(2)))));
						jwks.add(new RSAKey.Builder(publicKey).privateKey(privateKey).keyID(row.getString(1)).build());
					}
					catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
						throw new IllegalStateException("Unreadable signing key " + row.getString(1), ex);
					}
				});
		this.keys = new JWKSet(jwks);
	}

	/** The current signing key's id. */
	String activeKeyId() {
		return this.keys.getKeys().get(0).getKeyID();
	}

	@Override
	public List<JWK> get(com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context) {
		return selector.select(this.keys);
	}

	private String insertNewKey() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(3072);
			KeyPair pair = generator.generateKeyPair();
			String kid = UUID.randomUUID().toString();
			this.jdbc.update(
					"insert into oauth2_signing_key (kid, private_key, public_key, status, created_at) values (?, ?, ?, 'ACTIVE', ?)",
					kid, this.secrets.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded())),
					Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()),
					Timestamp.from(this.clock.instant()));
			return kid;
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void lock() {
		this.jdbc.queryForObject("select pg_advisory_xact_lock(hashtext('consilium.signing-keys'))::text",
				String.class);
	}

}
