package org.library.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.library.infrastructure.LibraryInfrastructureInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * A service's integration test: the service on a real port, against the JVM's shared
 * Postgres and Kafka and the real issuer, with {@link ServiceTestExtension} handing the
 * test what it works with. Every test of a service that carries it shares one Spring
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
// a fault is retried until it passes, at most a second between tries; the frontend's
// origin may call the API
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "library.kafka.retry.max-interval=1s",
				"library.web.cors.allowed-origins=http://localhost:8080" })
@ContextConfiguration(initializers = { LibraryInfrastructureInitializer.class, TestIssuerInitializer.class })
@ExtendWith(ServiceTestExtension.class)
public @interface LibraryServiceTest {

}
