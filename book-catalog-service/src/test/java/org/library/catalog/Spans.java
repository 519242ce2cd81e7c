package org.library.catalog;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The spans the catalog finishes, kept for the tests to read, next to (not instead of)
 * what it exports.
 */
@TestConfiguration(proxyBeanMethods = false)
class Spans {

	@Bean
	InMemorySpanExporter spans() {
		return InMemorySpanExporter.create();
	}

}
