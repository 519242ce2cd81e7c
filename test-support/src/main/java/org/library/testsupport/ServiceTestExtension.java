package org.library.testsupport;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * What every service's integration test starts with, written once: it hands a test
 * (constructor or method) the {@link ServiceUnderTest}, an {@link Http} client for it, or
 * a {@link CatalogTopicFeed} on its broker, which is closed when the test ends. It reads
 * the addresses from the service's Spring test context, so a test declares what it works
 * with and nothing more. Register it next to {@code @SpringBootTest}.
 */
public class ServiceTestExtension implements ParameterResolver {

	private static final ExtensionContext.Namespace FEEDS = ExtensionContext.Namespace
		.create(ServiceTestExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == ServiceUnderTest.class || type == Http.class || type == CatalogTopicFeed.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		ServiceUnderTest service = service(context);
		Class<?> type = parameter.getParameter().getType();
		if (type == Http.class) {
			return service.http();
		}
		if (type == CatalogTopicFeed.class) {
			CatalogTopicFeed feed = new CatalogTopicFeed(service.bootstrapServers());
			context.getStore(FEEDS).put(feed, (AutoCloseable) feed);
			return feed;
		}
		return service;
	}

	private static ServiceUnderTest service(ExtensionContext context) {
		Environment environment = SpringExtension.getApplicationContext(context).getEnvironment();
		return new ServiceUnderTest(environment.getRequiredProperty("local.server.port", Integer.class),
				environment.getRequiredProperty("spring.kafka.bootstrap-servers"),
				environment.getRequiredProperty("spring.datasource.url"));
	}

}
