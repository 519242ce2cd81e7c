package org.library.audit.messaging;

import java.util.ArrayList;
import java.util.List;

import org.library.contracts.Topics;
import org.library.contracts.UnreadableRecord;
import org.library.platform.audit.AuditTrail;
import org.library.platform.kafka.DeadLetterAutoConfiguration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The services whose audit topics the trail is made of ({@code library.audit.sources}).
 * Each writes its own topic and no other (infra/kafka/ownership.tsv), so the topic an
 * event came on says which service sent it: an event cannot be filed under another
 * service's name.
 */
@Component("auditSources")
public final class AuditSources {

	private final List<String> sources;

	private final String group;

	AuditSources(@Value("${library.audit.sources}") List<String> sources,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		this.sources = List.copyOf(sources);
		this.group = group;
	}

	/**
	 * What the listener reads: every source's audit topic, and the redrive topic of each.
	 */
	public String[] topics() {
		List<String> topics = new ArrayList<>();
		for (String source : sources) {
			topics.add(Topics.auditTopicOf(source));
			topics.add(DeadLetterAutoConfiguration.redriveTopic(Topics.auditTopicOf(source), group));
		}
		return topics.toArray(String[]::new);
	}

	List<String> sources() {
		return sources;
	}

	/**
	 * The service that wrote {@code topic}; a topic of no known source is not one of
	 * ours.
	 */
	String sourceOf(String topic) {
		String base = DeadLetterAutoConfiguration.baseTopic(topic, group);
		String source = base.startsWith(Topics.AUDIT_PREFIX) ? base.substring(Topics.AUDIT_PREFIX.length()) : "";
		if (!sources.contains(source)) {
			throw new UnreadableRecord("not an audit topic of a known source: " + topic);
		}
		return source;
	}

}
