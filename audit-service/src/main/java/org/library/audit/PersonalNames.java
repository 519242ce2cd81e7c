package org.library.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.library.contracts.audit.AuditEvent;
import org.library.verifier.PersonalName;

/**
 * Where an event names a person, the trail stores a salted hash and keeps the name apart
 * ({@link PersonalName}, table {@code personal_name}); reading the trail puts the names
 * back, or {@value PersonalName#ERASED} where one was erased.
 */
final class PersonalNames {

	private PersonalNames() {
	}

	/** An event as the trail stores it, and the names taken out of it. */
	record Salted(AuditEvent event, List<PersonalName> names) {
	}

	static Salted salt(AuditEvent event) {
		List<PersonalName> names = new ArrayList<>();
		PersonalName actor = PersonalName.salted("actor", event.actor());
		names.add(actor);
		Map<String, Object> details = event.details() == null ? Map.of() : event.details();
		Map<String, Object> stored = null;
		for (String field : PersonalName.FIELDS) {
			String key = detail(field);
			if (key != null && details.get(key) instanceof String reader) {
				PersonalName name = PersonalName.salted(field, reader);
				names.add(name);
				if (stored == null) {
					stored = new LinkedHashMap<>(details);
				}
				stored.put(key, name.hash());
			}
		}
		return new Salted(
				new AuditEvent(event.id(), event.occurredAt(), event.source(), actor.hash(), event.action(),
						event.entityType(), event.entityId(), stored == null ? details : stored, event.traceId()),
				names);
	}

	/**
	 * The actor, with its name put back from {@code names} (field to name), or erased.
	 */
	static String actor(String stored, Map<String, String> names) {
		return reveal(stored, names.get("actor"));
	}

	/** The details, with the readers they name put back, or erased. */
	static Map<String, Object> details(Map<String, Object> stored, Map<String, String> names) {
		Map<String, Object> details = stored;
		for (String field : PersonalName.FIELDS) {
			String key = detail(field);
			if (key != null && PersonalName.isHash(stored.get(key))) {
				if (details == stored) {
					details = new LinkedHashMap<>(stored);
				}
				details.put(key, reveal(stored.get(key), names.get(field)));
			}
		}
		return details;
	}

	private static String reveal(Object stored, String name) {
		if (name != null) {
			return name;
		}
		return PersonalName.isHash(stored) ? PersonalName.ERASED : (String) stored;
	}

	private static String detail(String field) {
		return field.startsWith("details.") ? field.substring("details.".length()) : null;
	}

}
