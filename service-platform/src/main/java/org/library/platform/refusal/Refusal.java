package org.library.platform.refusal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An outcome the domain refuses a change with, named after what happened
 * ({@code NoCopyAvailable}, {@code DuplicateIsbn}). It knows no transport: a controller's
 * caller sees it as an RFC 9457 problem whose status the service's web package chooses
 * ({@link RefusalStatuses}); a listener that meets one decides for itself. It carries a
 * stable type ({@code urn:library:problem:<type>}), a title, a detail and, where it helps
 * the caller, the state that refused.
 */
public abstract class Refusal extends RuntimeException {

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
