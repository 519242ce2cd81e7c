package org.library.platform.kafka;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;
import org.library.contracts.UnreadableRecord;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one rule for what a consumer's failure means, without a broker or a database: what
 * can never be handled is poison, everything else a fault to wait out.
 */
class ConsumerFailuresTest {

	@Test
	void aRecordThatCannotBeReadIsPoisonHoweverDeepTheReasonLies() {
		assertThat(ConsumerFailures.isUnreadable(new UnreadableRecord("bad"))).isTrue();
		assertThat(ConsumerFailures
			.isUnreadable(new ListenerExecutionFailedException("listener failed", new UnreadableRecord("bad"))))
			.isTrue();
		assertThat(ConsumerFailures.isUnreadable(new DataAccessResourceFailureException("database away"))).isFalse();
	}

	@Test
	void onlyARefusalOfTheDataItselfIsADataRefusal() {
		assertThat(ConsumerFailures.dataRefusal(new DataIntegrityViolationException("refused",
				new SQLException("new row violates check constraint", "23514"))))
			.startsWith("23514");
		assertThat(ConsumerFailures.dataRefusal(new SQLException("unsupported Unicode escape sequence", "22P05")))
			.startsWith("22P05");
		assertThat(ConsumerFailures.dataRefusal(new SQLTransientConnectionException("connection refused", "08001")))
			.isNull();
		assertThat(ConsumerFailures.dataRefusal(new SQLException("permission denied", "42501"))).isNull();
		assertThat(ConsumerFailures.dataRefusal(new SQLException("terminating connection", "57P01"))).isNull();
		assertThat(ConsumerFailures.dataRefusal(new IllegalStateException("no SQL at all"))).isNull();
	}

	@Test
	void storingARecordTheDatabaseRefusesMakesItPoisonAndAFaultStaysAFault() {
		assertThatThrownBy(() -> ConsumerFailures.store(() -> {
			throw new DataIntegrityViolationException("refused", new SQLException("violates", "23505"));
		})).isInstanceOf(UnreadableRecord.class).hasMessageContaining("the database refused the record's data: 23505");
		DataAccessResourceFailureException away = new DataAccessResourceFailureException("away",
				new SQLException("connection refused", "08006"));
		assertThatThrownBy(() -> ConsumerFailures.store(() -> {
			throw away;
		})).isSameAs(away);
	}

}
