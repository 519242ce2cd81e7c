package org.library.platform.kafka;

import java.sql.SQLException;
import java.util.List;

import org.library.contracts.UnreadableRecord;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.support.converter.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * The one rule for what a consumer's failure means: a record that cannot be read is
 * poison and goes to the dead-letter topic at once; every other failure is a fault that
 * may pass, and is retried until it does.
 */
public final class ConsumerFailures {

	/**
	 * What makes a record unreadable: our own verdict, or Spring's when it cannot convert
	 * the record.
	 */
	static final List<Class<? extends Exception>> UNREADABLE = List.of(UnreadableRecord.class,
			DeserializationException.class, ConversionException.class, MessageConversionException.class,
			MethodArgumentResolutionException.class);

	private ConsumerFailures() {
	}

	static boolean isUnreadable(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			for (Class<? extends Exception> unreadable : UNREADABLE) {
				if (unreadable.isInstance(cause)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * What the database said when it refused data as such (SQLState class 22 or 23), or
	 * {@code null} when the failure is not that: the connection, resources, a timeout,
	 * the server shutting down (08, 53, 57, ...).
	 */
	public static String dataRefusal(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
				return sql.getSQLState() + " " + sql.getMessage();
			}
		}
		return null;
	}

	/**
	 * Stores what a record says: a database that refuses its data (SQLState class 22,
	 * data exception, or 23, integrity constraint) will refuse it at every try, so the
	 * record is poison and goes to the dead-letter topic. Any other failure (the database
	 * away, a timeout) is a fault and is thrown as it is, to be waited out.
	 */
	public static void store(Runnable store) {
		try {
			store.run();
		}
		catch (RuntimeException ex) {
			String refusal = dataRefusal(ex);
			if (refusal != null) {
				throw new UnreadableRecord("the database refused the record's data: " + refusal, ex);
			}
			throw ex;
		}
	}

	static String rootMessage(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

}
