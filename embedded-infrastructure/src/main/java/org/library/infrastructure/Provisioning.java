package org.library.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs infra/postgres/provision.sql over JDBC, the same file docker-compose hands to
 * psql.
 *
 * <p>
 * A user's machine has a JDK but not necessarily psql, so this understands the few psql
 * features the script uses: statements ending in {@code ;}, {@code \connect},
 * {@code \gexec}, {@code \set} (ignored: this runner always stops on the first error) and
 * {@code :'variable'} substitution.
 */
public final class Provisioning {

	static final String SCRIPT = "provision.sql";

	private static final Pattern VARIABLE = Pattern.compile(":'([A-Za-z_][A-Za-z0-9_]*)'");

	private static final String PASSWORD_SUFFIX = "_password";

	private final String host;

	private final int port;

	private final String superuser;

	private final String superuserPassword;

	private final UnaryOperator<String> environment;

	Provisioning(String host, int port, String superuser, String superuserPassword, UnaryOperator<String> environment) {
		this.host = host;
		this.port = port;
		this.superuser = superuser;
		this.superuserPassword = superuserPassword;
		this.environment = environment;
	}

	/**
	 * The password a role gets: {@code <ROLE>_PASSWORD} from the environment, or the
	 * role's own name, which is the documented default for local use.
	 */
	public static String passwordFor(String role, UnaryOperator<String> environment) {
		String value = environment.apply(role.toUpperCase(Locale.ROOT) + "_PASSWORD");
		return value == null || value.isBlank() ? role : value;
	}

	void run() {
		run(readScript());
	}

	void run(String script) {
		List<String> lines = script.lines().toList();
		StringBuilder statement = new StringBuilder();
		Connection connection = null;
		try {
			connection = connect("postgres");
			for (String line : lines) {
				String trimmed = line.strip();
				if (statement.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("--"))) {
					continue;
				}
				if (trimmed.startsWith("\\")) {
					String[] words = trimmed.split("\\s+");
					switch (words[0]) {
						case "\\set" -> {
						}
						case "\\connect", "\\c" -> {
							connection.close();
							connection = connect(words[1]);
						}
						case "\\gexec" -> {
							gexec(connection, substitute(statement.toString()));
							statement.setLength(0);
						}
						default ->
							throw new IllegalStateException("Unsupported psql command in " + SCRIPT + ": " + trimmed);
					}
					continue;
				}
				statement.append(line).append('\n');
				if (trimmed.endsWith(";")) {
					execute(connection, substitute(statement.toString()));
					statement.setLength(0);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Provisioning the library database failed: " + ex.getMessage(), ex);
		}
		finally {
			closeQuietly(connection);
		}
	}

	private static void gexec(Connection connection, String query) throws SQLException {
		List<String> generated = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				for (int column = 1; column <= columns; column++) {
					String sql = rows.getString(column);
					if (sql != null) {
						generated.add(sql);
					}
				}
			}
		}
		for (String sql : generated) {
			execute(connection, sql);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	String substitute(String sql) {
		Matcher matcher = VARIABLE.matcher(sql);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(literal(valueOf(matcher.group(1)))));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private String valueOf(String variable) {
		if (variable.endsWith(PASSWORD_SUFFIX)) {
			return passwordFor(variable.substring(0, variable.length() - PASSWORD_SUFFIX.length()), environment);
		}
		String value = environment.apply(variable.toUpperCase(Locale.ROOT));
		if (value == null) {
			throw new IllegalStateException(
					SCRIPT + " uses :'" + variable + "' but " + variable.toUpperCase(Locale.ROOT) + " is not set");
		}
		return value;
	}

	private static String literal(String value) {
		return "'" + value.replace("'", "''") + "'";
	}

	private Connection connect(String database) throws SQLException {
		String url = "jdbc:postgresql://" + host + ":" + port + "/" + database;
		Connection connection = DriverManager.getConnection(url, superuser, superuserPassword);
		connection.setAutoCommit(true);
		return connection;
	}

	static String readScript() {
		try (InputStream in = Provisioning.class.getResourceAsStream(SCRIPT)) {
			if (in == null) {
				throw new IllegalStateException(SCRIPT + " is missing from the classpath");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ignored) {
				// nothing left to do with a connection we are done with
			}
		}
	}

}
