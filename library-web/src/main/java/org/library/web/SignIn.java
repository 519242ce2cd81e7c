package org.library.web;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;

/**
 * The web app as the issuer's confidential client {@code library-web}. Its endpoints are
 * named rather than discovered: the app starts while the issuer may still be starting,
 * and behind compose the browser and this server reach the issuer at different addresses
 * (the sign-in page on the public one, the code exchange and the keys on the inner one),
 * while every ID token must still name the public one as its issuer.
 */
@Configuration(proxyBeanMethods = false)
class SignIn {

	static final String REGISTRATION = "library";

	@Bean
	ClientRegistrationRepository issuer(@Value("${library.web.issuer-uri}") String issuer,
			@Value("${library.web.issuer-internal-uri}") String internal,
			@Value("${library.web.client-secret}") String secret) {
		return new InMemoryClientRegistrationRepository(ClientRegistration.withRegistrationId(REGISTRATION)
			.clientId("library-web")
			.clientSecret(secret)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
			.scope("openid", "profile")
			.issuerUri(issuer)
			.authorizationUri(issuer + "/oauth2/authorize")
			.tokenUri(internal + "/oauth2/token")
			.jwkSetUri(internal + "/oauth2/jwks")
			.userInfoUri(internal + "/userinfo")
			.userNameAttributeName(IdTokenClaimNames.SUB)
			.providerConfigurationMetadata(Map.of("end_session_endpoint", issuer + "/connect/logout"))
			.clientName("Library")
			.build());
	}

}
