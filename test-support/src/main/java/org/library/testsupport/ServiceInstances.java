package org.library.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.library.infrastructure.LibraryInfrastructure;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Instances of a service of a test's own, for tests that stop, restart or run several:
 * each its own context, on a free port, against the JVM's Postgres, a broker and the
 * shared issuer (each overridable by the arguments).
 */
public final class ServiceInstances {

	private ServiceInstances() {
	}

	/**
	 * @param application the service's {@code @SpringBootApplication}
	 * @param bootstrapServers its broker: the JVM's, or one the test stops and starts
	 * @param arguments more command-line properties, such as
	 * {@code --library.outbox.max-backoff=1s}
	 */
	public static ConfigurableApplicationContext start(Class<?> application, String bootstrapServers,
			String... arguments) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.datasource.url=" + LibraryInfrastructure.forTests().jdbcUrl(),
						"--spring.kafka.bootstrap-servers=" + bootstrapServers,
						"--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + TestIssuer.shared().uri()));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(application).run(all.toArray(String[]::new));
	}

	/** The port the instance's web server took. */
	public static int port(ConfigurableApplicationContext instance) {
		return instance.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	/** An HTTP client for the instance. */
	public static Http http(ConfigurableApplicationContext instance) {
		return new Http(port(instance));
	}

}
