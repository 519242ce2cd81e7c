package org.library.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the trail's months made ahead of time: each UTC month of {@code audit_event} is
 * its own partition, and the months from this one to {@value #AHEAD} ahead are made when
 * missing, at start and every six hours. An event of a month nobody made is still stored,
 * in {@code audit_event_other_times}; it is only slower to find. Making a month is the
 * trail owner's, through a function audit_app may call and nothing else.
 */
@Component
class TrailMonths {

	private static final Logger log = LoggerFactory.getLogger(TrailMonths.class);

	/** How many months past this one exist at any time. */
	static final int AHEAD = 3;

	private final JdbcClient jdbc;

	TrailMonths(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Scheduled(initialDelay = 0, fixedDelay = 6, timeUnit = java.util.concurrent.TimeUnit.HOURS)
	void makeAhead() {
		try {
			int made = jdbc.sql("SELECT audit_event_make_months(?)").param(AHEAD).query(Integer.class).single();
			if (made > 0) {
				log.info("Made {} month(s) of the trail ahead of time", made);
			}
		}
		catch (RuntimeException ex) {
			// tried again in six hours; until then new events of a missing month are
			// stored in the other-times partition
			log.warn("Could not make the trail's next months: {}", ex.toString());
		}
	}

}
