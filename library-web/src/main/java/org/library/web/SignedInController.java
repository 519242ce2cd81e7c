package org.library.web;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the browser's session belongs to, for the UI to show the pages and actions that
 * person has: the name and roles from the ID token, never the tokens themselves. Reading
 * it also hands the browser its CSRF cookie.
 */
@RestController
class SignedInController {

	@GetMapping("/me")
	SignedIn me(@AuthenticationPrincipal OidcUser user, CsrfToken csrf) {
		csrf.getToken(); // the cookie is written when the token is first used
		if (user == null) {
			return new SignedIn(false, null, List.of());
		}
		List<String> roles = user.getClaimAsStringList("roles");
		return new SignedIn(true, user.getSubject(), roles == null ? List.of() : roles);
	}

	/**
	 * @param signedIn whether a person is signed in
	 * @param name their username, the subject of their tokens
	 * @param roles what the library lets them do: librarian, reader, auditor
	 */
	record SignedIn(boolean signedIn, String name, List<String> roles) {
	}

}
