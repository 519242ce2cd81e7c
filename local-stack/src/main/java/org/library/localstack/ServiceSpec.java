package org.library.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A service the stack runs: its module (and so its jar), its default port and the
 * environment variable that sets the port. Public for the system tests, which start and
 * stop the same processes.
 */
public record ServiceSpec(String name, int defaultPort, String portVariable) {

	/** The issuer of the tokens the services accept: started first, on port 9000. */
	public static final ServiceSpec IDENTITY = new ServiceSpec("identity", 9000, "IDENTITY_PORT");

	/**
	 * The web app, the one origin a browser talks to: started last, on port 8080, in
	 * front of the services.
	 */
	public static final ServiceSpec WEB = new ServiceSpec("library-web", 8080, "LIBRARY_WEB_PORT");

	/** The four services, each with a schema and a Kafka principal of its own. */
	public static final List<ServiceSpec> SERVICES = List.of(
			new ServiceSpec("book-catalog-service", 8081, "BOOK_CATALOG_PORT"),
			new ServiceSpec("book-inventory-service", 8082, "BOOK_INVENTORY_PORT"),
			new ServiceSpec("reading-list-service", 8083, "READING_LIST_PORT"),
			new ServiceSpec("audit-service", 8084, "AUDIT_PORT"));

	/** The service's executable jar in the working copy at {@code root}. */
	public Path jar(Path root) {
		return root.resolve(name).resolve("target").resolve(name + ".jar");
	}

	/**
	 * Where a client of the service (the web app) is told to find it:
	 * {@code BOOK_CATALOG_URL} and so on.
	 */
	public String urlVariable() {
		return portVariable.replace("_PORT", "_URL");
	}

	String option() {
		return name.replace("-service", "").replace("library-", "") + "-port";
	}

	/** The identity issuer, every service and the web app, in the order they start. */
	public static List<ServiceSpec> processes() {
		List<ServiceSpec> all = new ArrayList<>(SERVICES);
		all.addFirst(IDENTITY);
		all.addLast(WEB);
		return List.copyOf(all);
	}

}
