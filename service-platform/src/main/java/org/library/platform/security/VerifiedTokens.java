package org.library.platform.security;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The service's token decoder, in front of Spring's: a token it has verified (signature,
 * issuer, audience, expiry) is remembered until it expires, so a caller's next requests
 * with it skip parsing it and checking its RSA signature again, the largest cost of a
 * request after the database. A token is the same string or it is another token, and a
 * remembered one is dropped the moment it expires, after which Spring's decoder judges it
 * again (with its allowed clock skew). Only verified tokens are remembered; a refused one
 * is refused every time.
 *
 * <p>
 * Until the issuer's discovery document has been read once, Spring's decoder reports an
 * issuer it cannot reach with an exception no filter expects (a 500); as a
 * {@link JwtException} it becomes an authentication service failure, which
 * {@link BearerTokenProblems} answers with a 503 to retry. The next token tries the
 * issuer again.
 */
final class VerifiedTokens implements JwtDecoder {

	/**
	 * Enough for every caller of a busy service at once; beyond it the least recently
	 * used are verified again.
	 */
	static final int REMEMBERED = 10_000;

	private final JwtDecoder decoder;

	private final Clock clock;

	private final Cache<String, Jwt> verified;

	VerifiedTokens(JwtDecoder decoder, Clock clock) {
		this.decoder = decoder;
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(REMEMBERED)
			.ticker(() -> clock.instant().toEpochMilli() * 1_000_000)
			.expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> untilExpiry(jwt)))
			.build();
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		// the cache runs on the same clock and drops a token the moment it expires
		Jwt remembered = verified.getIfPresent(token);
		if (remembered != null) {
			return remembered;
		}
		Jwt jwt;
		try {
			jwt = decoder.decode(token);
		}
		catch (JwtDecoderInitializationException ex) {
			throw new JwtException("The issuer could not be reached: " + ex.getMessage(), ex);
		}
		if (jwt.getExpiresAt() != null) {
			verified.put(token, jwt);
		}
		return jwt;
	}

	private Duration untilExpiry(Jwt jwt) {
		// only tokens with an expiry are remembered
		Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
		return left.isNegative() ? Duration.ZERO : left;
	}

}
