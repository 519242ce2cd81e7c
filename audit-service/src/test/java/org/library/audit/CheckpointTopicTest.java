package org.library.audit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.library.contracts.CloudEventHeaders;
import org.library.contracts.Topics;
import org.library.testsupport.LibraryServiceTest;
import org.library.testsupport.ServiceUnderTest;
import org.library.testsupport.TopicRecords;
import org.library.verifier.Checkpoint;
import org.library.verifier.SignedNote;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every checkpoint signed reaches the checkpoint topic, where the database's owner cannot
 * take it back: an auditor reading the topic opens it with the log's key and finds the
 * checkpoint the API serves.
 */
@LibraryServiceTest
class CheckpointTopicTest {

	private final ServiceUnderTest service;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MerkleLog tree;

	@Autowired
	Checkpoints checkpoints;

	CheckpointTopicTest(ServiceUnderTest service) {
		this.service = service;
	}

	@Test
	void aSignedCheckpointIsPublishedAndOpensWithTheLogsKey() throws SignedNote.InvalidSignature {
		LogAppends.append(service, jdbc, tree, 3);
		String note = checkpoints.signLatest();
		long size = Checkpoint.parse(SignedNote.open(note, checkpoints.verifierKey())).size();

		ConsumerRecord<String, String> record = TopicRecords.awaitRecord(service.bootstrapServers(),
				Topics.AUDIT_CHECKPOINTS, published -> note.equals(published.value()));
		assertThat(record.key()).isEqualTo(checkpoints.origin());
		assertThat(TopicRecords.header(record, CloudEventHeaders.TYPE)).isEqualTo("org.library.audit.Checkpoint");
		assertThat(TopicRecords.header(record, CloudEventHeaders.SOURCE)).isEqualTo("audit-service");
		assertThat(Checkpoint.parse(SignedNote.open(record.value(), checkpoints.verifierKey())).size()).isEqualTo(size);
		await().until(() -> jdbc.sql("SELECT published_at IS NOT NULL FROM checkpoint WHERE size = ?")
			.param(size)
			.query(Boolean.class)
			.single());
		// in the order they were signed: nothing signed before it is still waiting
		assertThat(checkpoints.unpublished(10)).allSatisfy(later -> assertThat(later.size()).isGreaterThan(size));
	}

}
