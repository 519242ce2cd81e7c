package org.library.platform.openapi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The API document declares the bearer scheme and which operations need it, and follows
 * the library's conventions (when springdoc is there).
 */
@AutoConfiguration(afterName = "org.library.platform.security.ResourceServerAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springdoc.core.customizers.OpenApiCustomizer")
public class OpenApiAutoConfiguration {

	@Bean
	@Order(0)
	OpenApiSecurity openApiSecurity(WebInvocationPrivilegeEvaluator access,
			@Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri:}") String issuer) {
		return new OpenApiSecurity(access, issuer);
	}

	/**
	 * After the security: its 401 and 403 get the problem schema and examples like every
	 * refusal.
	 */
	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	ApiDocumentConventions apiDocumentConventions(
			@Value("${library.api.title:${spring.application.name}}") String title,
			@Value("${library.api.description:}") String description,
			@Value("${library.api.version:}") String version) {
		return new ApiDocumentConventions(title, description, version);
	}

}
