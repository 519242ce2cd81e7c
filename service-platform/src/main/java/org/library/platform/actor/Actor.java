package org.library.platform.actor;

import java.util.regex.Pattern;

/**
 * Who a change is made for: the caller of a request (the subject of their token, bound by the web edge), or the
 * actor of the upstream event a listener acts on. It becomes the actor of every event the work
 * causes. Not a web type: the outbox, the audit trail and the listeners use it.
 */
public final class Actor {

	public static final String ANONYMOUS = "anonymous";

	public static final int MAX_LENGTH = 100;

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
	 * Runs {@code work} on behalf of {@code actor}: a consumer acting for the caller of an upstream event. An
	 * actor name that is not valid is replaced by {@value #ANONYMOUS}.
	 */
	public static void runAs(String actor, Runnable work) {
		try (Binding binding = bind(actor != null && isValid(actor) ? actor : ANONYMOUS)) {
			work.run();
		}
	}

	/** Binds {@code actor} to this thread until the binding is closed; for the edge that names the caller. */
	public static Binding bind(String actor) {
		String previous = CURRENT.get();
		CURRENT.set(actor);
		return () -> {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
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
