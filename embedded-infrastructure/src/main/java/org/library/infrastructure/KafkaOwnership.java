package org.library.infrastructure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.UnaryOperator;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The ownership table of the wire, {@code infra/kafka/ownership.tsv}: which principal may
 * write or read which topic and join which consumer group. Applied to a broker, it leaves
 * exactly the ACLs the table names (any other is deleted), and a SCRAM-SHA-512 credential
 * for every principal it names.
 *
 * @param grants the table's lines, in order
 */
public record KafkaOwnership(List<Grant> grants) {

	static final String TABLE = "ownership.tsv";

	private static final int SCRAM_ITERATIONS = 4096;

	/** One line: {@code principal may resource}. */
	public record Grant(String principal, String may, ResourcePattern resource) {

		/** The broker's ACLs this line stands for. */
		Set<AclBinding> acls() {
			List<AclOperation> operations = switch (may) {
				case "write" -> List.of(AclOperation.CREATE, AclOperation.DESCRIBE, AclOperation.WRITE);
				case "read", "join" -> List.of(AclOperation.DESCRIBE, AclOperation.READ);
				default -> throw new IllegalStateException("unknown access in " + TABLE + ": " + may);
			};
			Set<AclBinding> acls = new LinkedHashSet<>();
			for (AclOperation operation : operations) {
				acls.add(new AclBinding(resource,
						new AccessControlEntry("User:" + principal, "*", operation, AclPermissionType.ALLOW)));
			}
			return acls;
		}

	}

	/**
	 * The broker answers ACL listings from the image its authorizer decides by, so once a
	 * listing shows exactly the table, a client gets what the table grants, not a refusal
	 * while the change travels through the metadata log.
	 */
	private static void awaitAuthorizerHolds(Admin admin, Set<AclBinding> wanted)
			throws ExecutionException, InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get()).equals(wanted)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("the broker's ACLs did not become " + TABLE + " within 30 s");
			}
			Thread.sleep(50);
		}
	}

	/** The table shipped with this module: the same file compose applies. */
	public static KafkaOwnership load() {
		try (InputStream in = KafkaOwnership.class.getResourceAsStream(TABLE)) {
			if (in == null) {
				throw new IllegalStateException(TABLE + " is missing from the classpath");
			}
			return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static KafkaOwnership parse(String table) {
		List<Grant> grants = new ArrayList<>();
		table.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
			String[] columns = line.split("\\s+");
			if (columns.length != 3) {
				throw new IllegalStateException(TABLE + ": a line is principal, may and resource: " + line);
			}
			Grant grant = new Grant(columns[0], columns[1], resource(columns[2]));
			grant.acls(); // refuses an unknown access at once
			grants.add(grant);
		});
		return new KafkaOwnership(List.copyOf(grants));
	}

	private static ResourcePattern resource(String resource) {
		int colon = resource.indexOf(':');
		String kind = colon < 0 ? "" : resource.substring(0, colon);
		String name = resource.substring(colon + 1);
		return switch (kind) {
			case "topic" -> new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
			case "topic-prefix" -> new ResourcePattern(ResourceType.TOPIC, name, PatternType.PREFIXED);
			case "group" -> new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
			case "group-prefix" -> new ResourcePattern(ResourceType.GROUP, name, PatternType.PREFIXED);
			default -> throw new IllegalStateException(
					TABLE + ": a resource is topic:, topic-prefix:, group: or " + "group-prefix:, not " + resource);
		};
	}

	/** Every principal the table names, in the order it first names them. */
	public List<String> principals() {
		return grants.stream().map(Grant::principal).distinct().toList();
	}

	/** Every ACL the table stands for. */
	public Set<AclBinding> acls() {
		Set<AclBinding> acls = new LinkedHashSet<>();
		grants.forEach(grant -> acls.addAll(grant.acls()));
		return acls;
	}

	/** The topics {@code principal} may write, named literally. */
	public Set<String> topicsWrittenBy(String principal) {
		Set<String> topics = new LinkedHashSet<>();
		grants.stream()
			.filter(grant -> grant.principal().equals(principal) && grant.may().equals("write")
					&& grant.resource().resourceType() == ResourceType.TOPIC)
			.forEach(grant -> topics.add(grant.resource().name()));
		return topics;
	}

	/**
	 * Gives every principal its credential (the password
	 * {@link KafkaCredentials#passwordFor} finds) and leaves the broker with exactly the
	 * table's ACLs.
	 */
	void apply(Admin admin, UnaryOperator<String> environment) {
		try {
			admin
				.alterUserScramCredentials(principals().stream()
					.map(principal -> (UserScramCredentialAlteration) new UserScramCredentialUpsertion(principal,
							new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS),
							KafkaCredentials.passwordFor(principal, environment)))
					.toList())
				.all()
				.get();
			Set<AclBinding> wanted = acls();
			Set<AclBinding> present = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
			List<AclBindingFilter> extra = present.stream()
				.filter(acl -> !wanted.contains(acl))
				.map(AclBinding::toFilter)
				.toList();
			if (!extra.isEmpty()) {
				admin.deleteAcls(extra).all().get();
			}
			List<AclBinding> missing = wanted.stream().filter(acl -> !present.contains(acl)).toList();
			if (!missing.isEmpty()) {
				admin.createAcls(missing).all().get();
			}
			awaitAuthorizerHolds(admin, wanted);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Applying " + TABLE + " to Kafka failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while applying " + TABLE, ex);
		}
	}

}
