package org.library.platform.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An outcome the domain refuses a change with, named after what happened
 * ({@code NoCopyAvailable}, {@code DuplicateIsbn}). It knows no transport: a controller's
 * caller sees it as an RFC 9457 problem whose status the service's web package chooses
 * ({@link RefusalStatuses}); a listener that meets one decides for itself. It carries a
 * stable type ({@code urn:library:problem:<type>}), a title, a detail and, where it helps
 * the caller, the state that refused.
 */
public abstract class Refusal extends RuntimeException {

	/**
	 * RFC 9457's own members: an extension of the same name would make a second key in
	 * the problem's JSON, which strict readers refuse and others read either way.
	 */
	private static final Set<String> PROBLEM_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

	private final String type;

	private final String title;

	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected Refusal(String type, String title, String detail) {
		super(detail);
		this.type = type;
		this.title = title;
	}

	/** Adds what the caller should know about why, e.g. the copies as they were. */
	protected final void set(String name, Object value) {
		if (PROBLEM_MEMBERS.contains(name)) {
			throw new IllegalArgumentException("'" + name + "' is a member of every problem, not an extension");
		}
		properties.put(name, value);
	}

	public String type() {
		return type;
	}

	public String title() {
		return title;
	}

	public Map<String, Object> properties() {
		return Collections.unmodifiableMap(properties);
	}

}
