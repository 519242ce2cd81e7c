package org.library.platform.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * The shared HTTP edge: problem responses for everything (Tomcat's and the firewall's own
 * refusals included), strict JSON bodies, checked paths, JSON-only changes, the body
 * limit ({@code library.web.max-request-body}, 1MB by default), and CORS for the
 * frontend's origins. Who the caller is, and what they may do, is
 * {@link ResourceServerAutoConfiguration}'s.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebAutoConfiguration {

	@Bean
	ProblemResponses problemResponses(List<RefusalStatuses> statuses,
			@Value("${server.tomcat.max-parameter-count:1000}") int maxParameters) {
		return new ProblemResponses(statuses, maxParameters);
	}

	/**
	 * How the filters, which Spring MVC's exception handling does not reach, answer with
	 * a problem.
	 */
	@Bean
	ProblemWriter problemWriter(JsonMapper json) {
		return new ProblemWriter(json);
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(ProblemWriter problems,
			@Value("${library.web.max-request-body:1MB}") DataSize limit) {
		var registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(limit.toBytes(), problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	@Bean
	FilterRegistrationBean<RequestEdgeFilter> requestEdgeFilter(ProblemWriter problems) {
		var registration = new FilterRegistrationBean<>(new RequestEdgeFilter(problems));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
		return registration;
	}

	/**
	 * Request bodies are read strictly ({@link StrictJson}); everything else uses the
	 * service's mapper.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ServerHttpMessageConvertersCustomizer strictJsonRequests(JsonMapper json) {
		JacksonJsonHttpMessageConverter strict = new JacksonJsonHttpMessageConverter(StrictJson.forRequests(json));
		return converters -> converters.withJsonConverter(strict);
	}

	/**
	 * What Tomcat refuses itself (bad escapes, encoded slashes, huge headers) is a
	 * problem response too.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	/**
	 * Cross-origin calls from the frontend's origins
	 * ({@code library.web.cors.allowed-origins}, none by default): they may send the
	 * headers the API reads and see the ones it answers with. Any other origin's request
	 * is refused with a 403 problem.
	 */
	@Bean
	FilterRegistrationBean<CorsFilter> corsForTheFrontend(ProblemWriter problems,
			@Value("${library.web.cors.allowed-origins:}") List<String> origins) {
		CorsConfiguration frontend = new CorsConfiguration();
		frontend.setAllowedOrigins(origins);
		frontend.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		frontend.setAllowedHeaders(List.of("Authorization", "Content-Type", "If-Match", "If-None-Match"));
		frontend.setExposedHeaders(List.of("ETag", "Location"));
		frontend.setMaxAge(3600L);
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", frontend);
		CorsFilter filter = new CorsFilter(source);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		var registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

}
