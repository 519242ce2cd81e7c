package org.library.platform.openapi;

import java.util.List;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The API document says what the resource server enforces: the bearer scheme and where
 * its tokens come from, and, on each operation an anonymous caller may not use, that it
 * needs a token and can answer 401 and 403. Which operations those are is asked of the
 * running access rules, so the document cannot drift from them.
 */
class OpenApiSecurity implements OpenApiCustomizer {

	static final String SCHEME = "bearer";

	/**
	 * The same tokens, got by signing in at the issuer from the API console (Swagger UI).
	 */
	static final String SIGN_IN = "issuer";

	private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("openapi", "anonymousUser",
			AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));

	private final WebInvocationPrivilegeEvaluator access;

	private final String issuer;

	OpenApiSecurity(WebInvocationPrivilegeEvaluator access, String issuer) {
		this.access = access;
		this.issuer = issuer;
	}

	@Override
	public void customise(OpenAPI api) {
		if (api.getComponents() == null) {
			api.setComponents(new Components());
		}
		api.getComponents()
			.addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("An access token from the library's OpenID Connect issuer (" + issuer
						+ "/.well-known/openid-configuration): authorization code with PKCE for a person, client "
						+ "credentials for a machine. Its audience must be library-services; its roles claim "
						+ "(librarian, reader, auditor, service) decides what the caller may do."));
		api.getComponents()
			.addSecuritySchemes(SIGN_IN, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
				.description("Sign in at the library's issuer: authorization code with PKCE (the API console uses the "
						+ "public client library-api-console)")
				.flows(new OAuthFlows().authorizationCode(new OAuthFlow().authorizationUrl(issuer + "/oauth2/authorize")
					.tokenUrl(issuer + "/oauth2/token")
					.scopes(new Scopes().addString("openid", "Who you are").addString("profile", "Your name")))));
		if (api.getPaths() == null) {
			return;
		}
		api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			// any value stands for a path variable: the rules match a path's shape, and
			// the reading-list rule
			// refuses every value to an anonymous caller
			String example = path.replaceAll("\\{[^}]+}", "x");
			if (!access.isAllowed("", example, method.name(), ANONYMOUS)) {
				secure(operation);
			}
		}));
	}

	private static void secure(Operation operation) {
		// either: a token in hand, or one got by signing in
		operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
		operation.addSecurityItem(new SecurityRequirement().addList(SIGN_IN, List.of("openid")));
		operation.getResponses()
			.addApiResponse("401", problem("No bearer token, or one the service refuses: expired, from another "
					+ "issuer, for another audience, or badly signed. Answered with WWW-Authenticate: Bearer."));
		operation.getResponses().addApiResponse("403", problem("The token is good, but its roles do not allow this."));
	}

	/**
	 * The problem's schema and example are {@link ApiDocumentConventions}'s, as for every
	 * refusal.
	 */
	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description);
	}

}
