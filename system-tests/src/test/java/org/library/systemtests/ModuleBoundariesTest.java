package org.library.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.library.localstack.ServiceSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.systemtests.WorkingCopy.ROOT;

/**
 * The ownership rules in the build and the SQL, checked over every module of the working
 * copy: no module depends on a service module, and no service's code or SQL names another
 * service's schema. The rules about code (who imports whom) are
 * {@link ArchitectureTest}'s.
 */
class ModuleBoundariesTest {

	private static final Pattern DEPENDENCY = Pattern
		.compile("<dependency>\\s*<groupId>org\\.library</groupId>\\s*<artifactId>([^<]+)</artifactId>");

	@Test
	void everyServiceOfTheStackIsAModule() {
		assertThat(serviceModules())
			.containsExactlyInAnyOrderElementsOf(ServiceSpec.SERVICES.stream().map(ServiceSpec::name).toList());
	}

	@Test
	void noModuleDependsOnAServiceModule() throws IOException {
		List<String> services = serviceModules();
		for (String module : modules()) {
			assertThat(libraryDependencies(module)).as("org.library dependencies of %s", module)
				.doesNotContainAnyElementsOf(services);
		}
	}

	@Test
	void servicesDoNotNameAnotherServicesSchema() throws IOException {
		for (String service : serviceModules()) {
			for (Path source : sources(service, ".java", ".sql", ".yml")) {
				String text = source.toString().endsWith(".java") ? stringLiterals(Files.readString(source))
						: Files.readString(source);
				for (String other : serviceModules()) {
					if (!other.equals(service)) {
						// schema.table, not a package segment such as
						// org.library.platform.audit
						assertThat(text).as("%s names the schema of %s", source, other)
							.doesNotContainPattern("(?<![.\\w])" + schema(other) + "\\.[a-z_]+");
					}
				}
			}
		}
	}

	/**
	 * SQL in Java lives in string literals; outside them {@code audit.record(...)} is
	 * just a field.
	 */
	private static String stringLiterals(String java) {
		Matcher literal = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL)
			.matcher(java);
		StringBuilder literals = new StringBuilder();
		while (literal.find()) {
			literals.append(literal.group(1) != null ? literal.group(1) : literal.group(2)).append('\n');
		}
		return literals.toString();
	}

	private static List<String> modules() throws IOException {
		String pom = Files.readString(ROOT.resolve("pom.xml"));
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(pom);
		List<String> modules = new ArrayList<>();
		while (module.find()) {
			modules.add(module.group(1));
		}
		return modules;
	}

	private static List<String> serviceModules() {
		try {
			return modules().stream().filter(module -> module.endsWith("-service")).toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> libraryDependencies(String module) throws IOException {
		Matcher dependency = DEPENDENCY.matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")));
		List<String> dependencies = new ArrayList<>();
		while (dependency.find()) {
			dependencies.add(dependency.group(1));
		}
		return dependencies;
	}

	private static List<Path> sources(String module, String... extensions) throws IOException {
		Path main = ROOT.resolve(module).resolve("src/main");
		if (!Files.isDirectory(main)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(main)) {
			return files.filter(Files::isRegularFile)
				.filter(file -> Stream.of(extensions).anyMatch(file.toString()::endsWith))
				.toList();
		}
	}

	/** book-catalog-service has schema book_catalog; audit-service has audit. */
	static String schema(String service) {
		return service.replace("-service", "").replace('-', '_');
	}

}
