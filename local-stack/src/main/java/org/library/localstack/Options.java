package org.library.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Command-line options, each with a default: {@code --postgres-port=5432},
 * {@code --kafka-port=9092}, {@code --<service>-port=...},
 * {@code --data-dir=.local-stack}, {@code --root=<the working copy>},
 * {@code --bind-address=127.0.0.1}.
 */
record Options(int postgresPort, int kafkaPort, Map<ServiceSpec, Integer> servicePorts, Path dataDirectory, Path root,
		String bindAddress, boolean help) {

	static final String USAGE = """
			Usage: java -jar local-stack/target/local-stack.jar [options]

			  --postgres-port=PORT          Postgres (default 5432)
			  --kafka-port=PORT             Kafka (default 9092)
			%s  --data-dir=DIR                where Postgres and Kafka keep their data (default <root>/.local-stack)
			  --root=DIR                    the working copy holding the built service jars
			  --bind-address=ADDRESS        where the HTTP ports listen (default 127.0.0.1: this machine only;
			                                0.0.0.0 for every interface)
			  --help                        this text
			""";

	static String usage() {
		StringBuilder services = new StringBuilder();
		for (ServiceSpec service : ServiceSpec.processes()) {
			services.append("  %-30s%s (default %d)%n".formatted("--" + service.option() + "=PORT", service.name(),
					service.defaultPort()));
		}
		return USAGE.formatted(services);
	}

	static Options parse(String[] args, Path defaultRoot) {
		Map<String, String> given = new LinkedHashMap<>();
		boolean help = false;
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				help = true;
				continue;
			}
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Unknown argument " + arg);
			}
			given.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		Path root = Path.of(given.getOrDefault("root", defaultRoot.toString())).toAbsolutePath().normalize();
		Map<ServiceSpec, Integer> servicePorts = new LinkedHashMap<>();
		for (ServiceSpec service : ServiceSpec.processes()) {
			servicePorts.put(service, port(given.remove(service.option()), service.defaultPort(), service.option()));
		}
		Options options = new Options(port(given.remove("postgres-port"), 5432, "postgres-port"),
				port(given.remove("kafka-port"), 9092, "kafka-port"), servicePorts,
				Path.of(given.getOrDefault("data-dir", root.resolve(".local-stack").toString())).toAbsolutePath(), root,
				bindAddress(given.getOrDefault("bind-address", "127.0.0.1")), help);
		given.remove("root");
		given.remove("data-dir");
		given.remove("bind-address");
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("Unknown option --" + given.keySet().iterator().next());
		}
		return options;
	}

	private static String bindAddress(String value) {
		if (!value.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:]*:[0-9A-Fa-f:]*")) {
			throw new IllegalArgumentException(
					"--bind-address must be an IP address such as 127.0.0.1 or 0.0.0.0, not " + value);
		}
		return value;
	}

	private static int port(String value, int defaultPort, String option) {
		if (value == null) {
			return defaultPort;
		}
		try {
			int port = Integer.parseInt(value);
			if (port < 1 || port > 65535) {
				throw new NumberFormatException();
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + option + " must be a port number from 1 to 65535, not " + value);
		}
	}

}
