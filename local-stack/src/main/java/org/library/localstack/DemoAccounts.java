package org.library.localstack;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The passwords of the issuer's demo accounts on this machine, and the secrets of its
 * confidential clients (the web app, the machine client that scrapes metrics, the
 * operators' client): each from the environment ({@code <ACCOUNT>_PASSWORD},
 * {@code LIBRARY_<CLIENT>_CLIENT_SECRET}) when set, otherwise made at random on the first
 * start and kept with the stack's data ({@link KeptSecrets}).
 */
final class DemoAccounts {

	static final List<String> NAMES = List.of("librarian", "auditor", "ada", "alan");

	static final List<String> CLIENTS = List.of("web", "machine", "operator");

	static final String FILE = "accounts.properties";

	static final String CLIENTS_FILE = "clients.properties";

	private DemoAccounts() {
	}

	/** Each account's password, in the order of {@link #NAMES}. */
	static Map<String, String> passwords(Path directory, UnaryOperator<String> environment) throws IOException {
		return new KeptSecrets(directory.resolve(FILE), NAMES, DemoAccounts::variable,
				"The local stack's demo accounts; delete this file for new passwords")
			.load(environment);
	}

	/** Each client's secret, in the order of {@link #CLIENTS}. */
	static Map<String, String> clientSecrets(Path directory, UnaryOperator<String> environment) throws IOException {
		return new KeptSecrets(directory.resolve(CLIENTS_FILE), CLIENTS, DemoAccounts::clientVariable,
				"The local stack's client secrets at its issuer; delete this file for new ones")
			.load(environment);
	}

	/** {@code ada} is {@code ADA_PASSWORD}: the variable the issuer reads too. */
	static String variable(String name) {
		return name.toUpperCase(Locale.ROOT) + "_PASSWORD";
	}

	/**
	 * {@code web} is {@code LIBRARY_WEB_CLIENT_SECRET}: the variable the issuer and the
	 * web app read too.
	 */
	static String clientVariable(String client) {
		return "LIBRARY_" + client.toUpperCase(Locale.ROOT) + "_CLIENT_SECRET";
	}

}
