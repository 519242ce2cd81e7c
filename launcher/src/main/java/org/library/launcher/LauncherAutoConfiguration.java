package org.library.launcher;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/**
 * When {@code library.launcher.pid} is set (the local stack sets
 * {@code LIBRARY_LAUNCHER_PID} for every service it starts), the service follows that
 * process: if the launcher dies, however it dies ({@code kill -9} included), the service
 * shuts down gracefully instead of running on without the Postgres and Kafka the launcher
 * owned, and holding its port against the next start.
 */
@AutoConfiguration
@ConditionalOnProperty("library.launcher.pid")
public class LauncherAutoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(LauncherAutoConfiguration.class);

	@Bean
	ApplicationListener<ApplicationStartedEvent> followTheLauncher(@Value("${library.launcher.pid}") long pid) {
		return event -> {
			Optional<ProcessHandle> launcher = ProcessHandle.of(pid);
			if (launcher.isEmpty()) {
				stop(pid);
				return;
			}
			launcher.get().onExit().thenRun(() -> stop(pid));
		};
	}

	private static void stop(long pid) {
		log.warn("The launcher (pid {}) is gone; this service stops too", pid);
		// System.exit runs Spring's shutdown hook: a graceful stop, as on SIGTERM; off
		// this thread, which exit joins
		Thread.ofPlatform().name("launcher-gone").start(() -> System.exit(0));
	}

}
