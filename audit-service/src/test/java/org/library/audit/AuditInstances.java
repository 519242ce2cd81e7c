package org.library.audit;

import java.util.ArrayList;
import java.util.List;

import org.library.infrastructure.LibraryInfrastructure;
import org.library.testsupport.Http;
import org.library.testsupport.TestIssuer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts audit-service instances of a test's own, on the JVM's Postgres, for tests that
 * stop, restart or run several instances: each its own context, on a free port.
 */
final class AuditInstances {

	private AuditInstances() {
	}

	static ConfigurableApplicationContext start(String bootstrapServers, String... arguments) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=" + LibraryInfrastructure.forTests().jdbcUrl(),
						"--spring.kafka.bootstrap-servers=" + bootstrapServers,
						"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().uri()));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(AuditApplication.class).run(all.toArray(String[]::new));
	}

	static Http http(ConfigurableApplicationContext instance) {
		return new Http(((WebServerApplicationContext) instance).getWebServer().getPort());
	}

}
