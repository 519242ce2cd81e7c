package org.library.testsupport;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Tokens a service must refuse, each wrong in one way only, and {@link #GENUINE}, made
 * the same way and wrong in none, which a service must accept: so a refusal in a test is
 * known to come from that one defect. They are signed with the test issuer's own key,
 * unless being signed by someone else is the defect.
 */
public enum ForgedToken {

	/** Everything as the issuer would make it. */
	GENUINE,
	/** Expired ten minutes ago, beyond any clock skew. */
	EXPIRED,
	/** Names an issuer the service does not trust. */
	WRONG_ISSUER,
	/** Made for something other than the library's services. */
	WRONG_AUDIENCE,
	/** Signed with another key under the issuer's key id. */
	BAD_SIGNATURE,
	/** Not signed at all ({@code alg: none}). */
	ALG_NONE;

	static final String AUDIENCE = "library-services";

	/** This token for {@code caller}, from {@code issuer}. */
	public String make(TestIssuer issuer, Caller caller) {
		try {
			RSAKey key = RSAKey.parse(issuer.signingKeyJson());
			Instant now = Instant.now();
			Instant issued = this == EXPIRED ? now.minusSeconds(1200) : now;
			JWTClaimsSet claims = new JWTClaimsSet.Builder()
				.issuer(this == WRONG_ISSUER ? "http://issuer.invalid" : issuer.uri())
				.subject(caller.subject())
				.audience(this == WRONG_AUDIENCE ? "another-api" : AUDIENCE)
				.claim("roles", List.of(caller.role()))
				.issueTime(Date.from(issued))
				.notBeforeTime(Date.from(issued))
				.expirationTime(Date.from(issued.plusSeconds(600)))
				.jwtID(UUID.randomUUID().toString())
				.build();
			if (this == ALG_NONE) {
				Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
				return base64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
						+ "." + base64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".";
			}
			RSAKey signer = this == BAD_SIGNATURE ? new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate() : key;
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
					claims);
			jwt.sign(new RSASSASigner(signer));
			return jwt.serialize();
		}
		catch (ParseException | JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
