package org.library.readinglist;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.library.infrastructure.LibraryInfrastructureInitializer;
import org.library.testsupport.ServiceTestExtension;
import org.library.testsupport.TestIssuerInitializer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The reading list on a real port, against the JVM's shared Postgres and Kafka; one
 * context for all test classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = { LibraryInfrastructureInitializer.class, TestIssuerInitializer.class })
@ExtendWith(ServiceTestExtension.class)
@interface ReadingListIntegrationTest {

}
