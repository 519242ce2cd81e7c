package org.library.platform.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * The shared HTTP edge: problem responses, the body limit ({@code library.web.max-request-body}, 1MB by
 * default) and the {@code X-Actor} caller.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

	@Bean
	ProblemResponses problemResponses() {
		return new ProblemResponses();
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(JsonMapper json,
			@Value("${library.web.max-request-body:1MB}") DataSize limit) {
		var registration = new FilterRegistrationBean<>(
				new RequestBodyLimitFilter(limit.toBytes(), new ProblemWriter(json)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ActorFilter> actorFilter(JsonMapper json) {
		var registration = new FilterRegistrationBean<>(new ActorFilter(new ProblemWriter(json)));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}
