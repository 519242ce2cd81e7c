package org.library.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.library.localstack.ServiceSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.library.systemtests.WorkingCopy.ROOT;

/**
 * The docs stay true to the code: every class, test, method and file the README and the
 * pages under docs/ name in backticks exists. A rename that leaves a page behind fails
 * the build, as a stale name once did ({@code issuerAwayIsAServiceFault}).
 */
class DocsReferencesTest {

	/** Inline code, outside fenced blocks: {@code `like this`}. */
	private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

	/** A type: two humps or more, {@code AuditLog}, {@code NoOversellTest}. */
	private static final Pattern TYPE = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+");

	/**
	 * A type's member: {@code ServiceSpec.SERVICES}, {@code Http.as(Caller.ADA)},
	 * {@code OutboxRelay.relayUntilStopped}.
	 */
	private static final Pattern MEMBER = Pattern
		.compile("([A-Z][A-Za-z0-9]+)\\.([A-Za-z_][A-Za-z0-9_]*)(?:\\(.*\\))?");

	/**
	 * A method or a test: {@code concurrentAddsOfOneIsbnLetExactlyOneWin}, or its start:
	 * {@code aDatabaseThat…}.
	 */
	private static final Pattern METHOD = Pattern.compile("([a-z]+[A-Z][A-Za-z0-9]*)(…)?");

	/**
	 * A package of ours, or a type in it: {@code org.library.platform.outbox},
	 * {@code org.library.inventory.Stock}.
	 */
	private static final Pattern PACKAGE = Pattern.compile("org\\.library(\\.[a-z]+)+(\\.[A-Z][A-Za-z0-9]*)?");

	/**
	 * A path in the repository: {@code infra/postgres/provision.sql},
	 * {@code docs/screenshots/}.
	 */
	private static final Pattern PATH = Pattern.compile("\\.?[\\w.-]+(/[\\w.-]+)+/?");

	private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

	/**
	 * Names of the libraries and tools the docs discuss, which are in none of our files:
	 * the JDK's, Strimzi's, and the classes a CPU profile of a library showed.
	 */
	private static final Set<String> LIBRARY_NAMES = Set.of("UnsupportedClassVersionError", "KafkaUser",
			"NimbusJwtDecoder.decode", "ObservationFilterChainDecorator", "ObjectProvider.getIfAvailable()");

	private final Set<String> words = codeWords();

	@Test
	void everyNameTheDocsGiveInBackticksIsInTheCode() throws IOException {
		List<String> missing = new ArrayList<>();
		for (Path page : pages()) {
			for (String reference : references(page)) {
				String problem = check(reference);
				if (problem != null) {
					missing.add(ROOT.relativize(page) + ": `" + reference + "` " + problem);
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void aStaleNameIsFound() {
		assertThat(check("issuerAwayIsAServiceFault")).isNotNull();
		assertThat(check("NoSuchRelay")).isNotNull();
		assertThat(check("OutboxRelay.noSuchMethod")).isNotNull();
		assertThat(check("infra/postgres/no-such.sql")).isNotNull();
		assertThat(check("org.library.inventory.NoSuchStock")).isNotNull();
		assertThat(check("OutboxRelay")).isNull();
		assertThat(check("infra/postgres/provision.sql")).isNull();
	}

	/**
	 * What is wrong with a reference, or {@code null} when it names something that exists
	 * (or nothing we check).
	 */
	private String check(String reference) {
		if (LIBRARY_NAMES.contains(reference)) {
			return null;
		}
		if (PACKAGE.matcher(reference).matches()) {
			return checkPackage(reference);
		}
		if (PATH.matcher(reference).matches()) {
			return checkPath(reference);
		}
		Matcher member = MEMBER.matcher(reference);
		if (member.matches() && TYPE.matcher(member.group(1)).matches()) {
			Path type = declaration(member.group(1));
			if (type == null) {
				return "names no type of the code";
			}
			return read(type).contains(member.group(2)) ? null : "names nothing " + member.group(1) + " has";
		}
		if (TYPE.matcher(reference).matches()) {
			return words.contains(reference) ? null : "is in no source file";
		}
		Matcher method = METHOD.matcher(reference);
		if (method.matches()) {
			boolean found = method.group(2) == null ? words.contains(method.group(1))
					: words.stream().anyMatch(word -> word.startsWith(method.group(1)));
			return found ? null : "is in no source file";
		}
		return null;
	}

	/**
	 * A package must exist; a type in it must be declared there, or be a name its code
	 * uses (a CloudEvents type).
	 */
	private String checkPackage(String reference) {
		String[] parts = reference.split("\\.");
		String last = parts[parts.length - 1];
		boolean type = Character.isUpperCase(last.charAt(0));
		String packagePath = String.join("/", type ? Arrays.copyOf(parts, parts.length - 1) : parts);
		try (Stream<Path> files = Files.walk(ROOT)) {
			boolean found = files.filter(path -> !path.toString().contains("/target/"))
				.anyMatch(path -> Files.isDirectory(path) && path.endsWith(packagePath)
						&& (!type || Files.exists(path.resolve(last + ".java")) || words.contains(last)));
			return found ? null : "names no package or type of the code";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A path whose first part is a file or folder of the repository must exist; up to a
	 * placeholder ({@code <service>}, {@code *}) its folder must. Build output and what a
	 * run makes (.local-stack/) are not checked, nor what only looks like a path (a media
	 * type).
	 */
	private static String checkPath(String reference) {
		String path = reference.endsWith("/") ? reference.substring(0, reference.length() - 1) : reference;
		String first = path.substring(0, path.indexOf('/'));
		if (!Files.exists(ROOT.resolve(first)) || path.contains("/target/") || first.equals(".local-stack")) {
			return null;
		}
		return Files.exists(ROOT.resolve(path)) ? null : "is not a file of the repository";
	}

	private static List<String> references(Path page) {
		List<String> references = new ArrayList<>();
		boolean fenced = false;
		for (String line : read(page).lines().toList()) {
			if (line.strip().startsWith("```")) {
				fenced = !fenced;
				continue;
			}
			if (fenced) {
				continue;
			}
			Matcher code = CODE.matcher(line);
			while (code.find()) {
				references.add(code.group(1).strip());
			}
		}
		return references;
	}

	private static List<Path> pages() throws IOException {
		List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
		try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
			docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
		}
		return pages;
	}

	/**
	 * Where a type is declared: its own file, or the file of the type it is nested in.
	 */
	private static Path declaration(String type) {
		Pattern declared = Pattern.compile("\\b(class|record|interface|enum)\\s+" + type + "\\b");
		try (Stream<Path> files = sources()) {
			return files.filter(path -> path.toString().endsWith(".java"))
				.filter(path -> declared.matcher(read(path)).find())
				.findFirst()
				.orElse(null);
		}
	}

	private static Set<String> codeWords() {
		// this test is left out of the scan, for the stale names it holds, but it is a
		// test the docs may name
		Set<String> words = new HashSet<>(Set.of(DocsReferencesTest.class.getSimpleName()));
		try (Stream<Path> files = sources()) {
			files.forEach(file -> {
				Matcher word = WORD.matcher(read(file));
				while (word.find()) {
					words.add(word.group());
				}
			});
		}
		return words;
	}

	/** The repository's code, configuration and scripts, not what a build made. */
	private static Stream<Path> sources() {
		try {
			return Files.walk(ROOT)
				.filter(Files::isRegularFile)
				// not this test, which names stale names on purpose
				.filter(path -> !path.endsWith("DocsReferencesTest.java"))
				.filter(path -> !path.toString().contains("/target/") && !path.toString().contains("/.git/")
						&& !path.toString().contains("/.local-stack/") && !path.toString().contains("/node_modules/"))
				.filter(path -> path.toString().matches(".*\\.(java|sql|yml|yaml|js|html|sh|tsv|xml|properties|json)$")
						|| path.endsWith("run"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
