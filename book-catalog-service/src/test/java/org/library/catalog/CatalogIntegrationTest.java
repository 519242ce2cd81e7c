package org.library.catalog;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.library.infrastructure.LibraryInfrastructureInitializer;
import org.library.testsupport.ServiceTestExtension;
import org.library.testsupport.TestIssuerInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The catalog on a real port, against the JVM's shared Postgres and Kafka. Every test
 * class carrying this annotation shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "library.web.cors.allowed-origins=http://localhost:8080")
@ContextConfiguration(initializers = { LibraryInfrastructureInitializer.class, TestIssuerInitializer.class })
@ExtendWith(ServiceTestExtension.class)
@Import(Spans.class)
@interface CatalogIntegrationTest {

}
