package org.library.identity;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The people who may sign in, from configuration
 * ({@code library.identity.accounts.<name>}): for local use the demo accounts, a
 * librarian {@code librarian}, an auditor {@code auditor} and two readers, {@code ada}
 * and {@code alan}. Every password comes from configuration, never from the code, and
 * must be at least 12 characters.
 *
 * @param accounts each account's password and roles
 */
@Validated
@ConfigurationProperties("library.identity")
public record Accounts(@NotEmpty Map<String, @Valid Account> accounts) {

	/**
	 * @param password the account's password
	 * @param roles what the account may do in the library: {@code librarian},
	 * {@code auditor}, {@code reader}
	 */
	public record Account(
			@Size(min = 12, message = "must be at least 12 characters; set it in the environment") String password,
			@NotEmpty List<String> roles) {
	}

}
