package org.library.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verified token is verified once until it expires; a refused one every time. The real
 * signature checks are the services' access tests, against the real issuer; this is about
 * what is remembered.
 */
class VerifiedTokensTest {

	private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));

	private final List<String> verifiedBySpring = new ArrayList<>();

	@Test
	void aVerifiedTokenIsVerifiedOnceUntilItExpires() {
		JwtDecoder tokens = new VerifiedTokens(issuing(Duration.ofMinutes(5)), clock);

		Jwt first = tokens.decode("token-a");
		clock.move(Duration.ofMinutes(4));
		Jwt again = tokens.decode("token-a");

		assertThat(again).isSameAs(first);
		assertThat(verifiedBySpring).containsExactly("token-a");
	}

	@Test
	void anExpiredTokenIsJudgedAgainBySpringsDecoder() {
		JwtDecoder tokens = new VerifiedTokens(token -> {
			verifiedBySpring.add(token);
			if (verifiedBySpring.size() > 1) {
				throw new BadJwtException("Jwt expired");
			}
			return jwt(token, clock.instant().plus(Duration.ofMinutes(5)));
		}, clock);
		tokens.decode("token-a");

		clock.move(Duration.ofMinutes(5));

		assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class)
			.hasMessage("Jwt expired");
		assertThat(verifiedBySpring).containsExactly("token-a", "token-a");
	}

	@Test
	void aRefusedTokenIsRefusedEveryTime() {
		JwtDecoder tokens = new VerifiedTokens(token -> {
			verifiedBySpring.add(token);
			throw new BadJwtException("Signed JWT rejected");
		}, clock);

		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(verifiedBySpring).containsExactly("forged", "forged");
	}

	@Test
	void anotherTokenIsVerifiedOnItsOwn() {
		JwtDecoder tokens = new VerifiedTokens(issuing(Duration.ofMinutes(5)), clock);

		tokens.decode("token-a");
		Jwt other = tokens.decode("token-b");

		assertThat(other.getTokenValue()).isEqualTo("token-b");
		assertThat(verifiedBySpring).containsExactly("token-a", "token-b");
	}

	@Test
	void anIssuerNotReachedYetIsAnAuthenticationFaultNotAnError() {
		JwtDecoder tokens = new VerifiedTokens(token -> {
			throw new JwtDecoderInitializationException("Failed to lazily resolve the supplied JwtDecoder instance",
					new IllegalStateException("Connection refused"));
		}, clock);

		assertThatThrownBy(() -> tokens.decode("token-a")).isExactlyInstanceOf(JwtException.class)
			.hasMessageStartingWith("The issuer could not be reached");
	}

	private JwtDecoder issuing(Duration lifetime) {
		return token -> {
			verifiedBySpring.add(token);
			return jwt(token, clock.instant().plus(lifetime));
		};
	}

	private Jwt jwt(String token, Instant expiresAt) {
		return Jwt.withTokenValue(token)
			.header("alg", "RS256")
			.subject("ada")
			.issuedAt(clock.instant())
			.expiresAt(expiresAt)
			.build();
	}

	private static final class MovableClock extends Clock {

		private Instant now;

		MovableClock(Instant now) {
			this.now = now;
		}

		void move(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
