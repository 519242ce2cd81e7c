package org.library.platform.actor;

import java.util.regex.Pattern;

import org.slf4j.MDC;

/**
 * Who a change is made for: the caller of a request (the subject of their token, bound by
 * the web edge), or the actor of the upstream event a listener acts on. It becomes the
 * actor of every event the work causes. Not a web type: the outbox, the audit trail and
 * the listeners use it.
 */
public final class Actor {

	public static final String ANONYMOUS = "anonymous";

	public static final int MAX_LENGTH = 100;

	/** The actor's key in the logging MDC. */
	public static final String LOG_KEY = "actor";

	static final Pattern VALID = Pattern.compile("[A-Za-z0-9._@:+-]{1," + MAX_LENGTH + "}");

	private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

	private Actor() {
	}

	/**
	 * The caller of the request this thread serves, or {@value #ANONYMOUS}.
	 */
	public static String current() {
		String actor = CURRENT.get();
		return actor == null ? ANONYMOUS : actor;
	}

	/**
	 * Runs {@code work} on behalf of {@code actor}: a consumer acting for the caller of
	 * an upstream event. An actor name that is not valid is replaced by
	 * {@value #ANONYMOUS}.
	 */
	public static void runAs(String actor, Runnable work) {
		try (Binding binding = bind(actor != null && isValid(actor) ? actor : ANONYMOUS)) {
			work.run();
		}
	}

	/**
	 * Binds {@code actor} to this thread until the binding is closed; for the edge that
	 * names the caller. Every log line written meanwhile carries it ({@value #LOG_KEY} in
	 * the MDC).
	 */
	public static Binding bind(String actor) {
		String previous = CURRENT.get();
		CURRENT.set(actor);
		MDC.put(LOG_KEY, actor);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
				MDC.remove(LOG_KEY);
			}
			else {
				CURRENT.set(previous);
				MDC.put(LOG_KEY, previous);
			}
		};
	}

	/** Restores the previous actor when closed. */
	public interface Binding extends AutoCloseable {

		@Override
		void close();

	}

	public static boolean isValid(String actor) {
		return VALID.matcher(actor).matches();
	}

}
