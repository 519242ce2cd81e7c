package org.library.systemtests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.library.systemtests.WorkingCopy.ROOT;

/**
 * The architecture as sentences, checked against the compiled classes of every module:
 * services stand on their own, the shared floor carries no service, and a service's
 * domain knows no HTTP.
 */
class ArchitectureTest {

	private static final String[] SERVICES = { "catalog", "inventory", "readinglist", "audit" };

	/** The services, the issuer and the web app: none leans on another's code. */
	private static final String[] STANDALONE = { "catalog", "inventory", "readinglist", "audit", "identity", "web" };

	private static final String[] SHARED = { "org.library.contracts..", "org.library.platform..",
			"org.library.launcher..", "org.library.infrastructure..", "org.library.testsupport..",
			"org.library.localstack.." };

	private static final String[] TRANSPORT = { "org.springframework.http..", "org.springframework.web..",
			"jakarta.servlet..", "org.library.platform.web..", "org.library.platform.security..",
			"org.library.platform.openapi.." };

	private static JavaClasses library;

	@BeforeAll
	static void importEveryModule() {
		List<Path> classes = List
			.of("contracts", "audit-verifier", "embedded-infrastructure", "launcher", "service-platform",
					"test-support", "book-catalog-service", "book-inventory-service", "reading-list-service",
					"audit-service", "identity", "library-web", "local-stack")
			.stream()
			.map(module -> ROOT.resolve(module).resolve("target/classes"))
			.filter(Files::isDirectory)
			.toList();
		library = new ClassFileImporter().importPaths(classes);
	}

	@Test
	void services_do_not_depend_on_each_other() {
		for (String service : STANDALONE) {
			String[] others = Arrays.stream(STANDALONE)
				.filter(other -> !other.equals(service))
				.map(other -> "org.library." + other + "..")
				.toArray(String[]::new);
			check(noClasses().that()
				.resideInAPackage("org.library." + service + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others));
		}
	}

	@Test
	void shared_modules_carry_no_service_code() {
		check(noClasses().that()
			.resideInAnyPackage(SHARED)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(Arrays.stream(STANDALONE).map(s -> "org.library." + s + "..").toArray(String[]::new)));
	}

	@Test
	void a_services_domain_knows_no_http() {
		for (String service : SERVICES) {
			check(noClasses().that()
				.resideInAPackage("org.library." + service)
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(TRANSPORT)
				.because("a refusal is a plain domain exception; the service's web package maps it to HTTP"));
		}
	}

	@Test
	void the_outbox_the_audit_trail_and_the_consumers_know_no_http() {
		check(noClasses().that()
			.resideInAnyPackage("org.library.platform.outbox..", "org.library.platform.audit..",
					"org.library.platform.kafka..", "org.library.platform.actor..", "org.library.platform.refusal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(TRANSPORT));
	}

	@Test
	void the_contracts_are_plain_java_that_any_consumer_can_use() {
		check(noClasses().that()
			.resideInAPackage("org.library.contracts..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.library.platform..", "jakarta..")
			.because("a team's consumer reads our topics with the contracts jar, Kafka's client and Jackson alone"));
	}

	@Test
	void the_verifier_trusts_nothing_but_the_jdk() {
		check(classes().that()
			.resideInAPackage("org.library.verifier..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.library.verifier..")
			.because("an auditor runs it offline and can read every line it trusts"));
	}

	private static void check(ArchRule rule) {
		rule.check(library);
	}

}
