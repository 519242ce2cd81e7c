package org.library.inventory;

import java.util.List;
import java.util.UUID;

import org.library.platform.actor.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * What time does to loans and holds, every {@code library.circulation.sweep-interval}: a
 * ready hold whose pickup window passed expires and its copy goes on; a reader's name is
 * removed from what she returned, or stopped waiting for, longer than the retention
 * period ago. Overdue needs no sweep: it is the due date passed, told at each read. Each
 * instance sweeps; every step is a conditional UPDATE, so two sweeps never expire a hold
 * twice.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CirculationRules.class)
class CirculationSweep implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(CirculationSweep.class);

	private static final int BATCH = 100;

	private final Circulation circulation;

	private final CirculationRules rules;

	private final String service;

	CirculationSweep(Circulation circulation, CirculationRules rules,
			@Value("${spring.application.name}") String service) {
		this.circulation = circulation;
		this.rules = rules;
		this.service = service;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, rules.sweepInterval());
	}

	/** One sweep; tests call it after moving the clock. */
	void sweep() {
		// the service itself expires and anonymises: no caller asked for it
		Actor.runAs(service, () -> {
			int expired = 0;
			for (List<UUID> due = circulation.expiredHolds(BATCH); !due.isEmpty(); due = circulation
				.expiredHolds(BATCH)) {
				for (UUID hold : due) {
					expired += circulation.expire(hold) ? 1 : 0;
				}
				if (due.size() < BATCH) {
					break;
				}
			}
			int anonymised = circulation.anonymise();
			if (expired > 0 || anonymised > 0) {
				log.info("Expired {} holds past their pickup window; anonymised {} loans and holds", expired,
						anonymised);
			}
		});
	}

}
