package org.library.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service's test context at the JVM's {@link TestIssuer}. Only the address
 * changes: the service checks the tokens exactly as it does in production, fetching the
 * issuer's keys on the first request with a token.
 */
public class TestIssuerInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("test-issuer",
					Map.of("spring.security.oauth2.resourceserver.jwt.issuer-uri", TestIssuer.shared().uri())));
	}

}
