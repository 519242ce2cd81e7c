package org.library.identity;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The issuer of every token the library services accept (Spring Authorization Server):
 * OpenID Connect discovery at {@code /.well-known/openid-configuration}, keys at
 * {@code /oauth2/jwks}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityApplication {

	public static void main(String[] args) {
		SpringApplication.run(IdentityApplication.class, args);
	}

}
