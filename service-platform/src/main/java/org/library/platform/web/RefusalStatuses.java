package org.library.platform.web;

import java.util.Map;

import org.library.platform.refusal.Refusal;

import org.springframework.http.HttpStatus;

/**
 * The HTTP status each of a service's refusals is answered with, declared by the
 * service's web package: the one place where the domain's outcomes meet HTTP. A refusal
 * is matched by its class or its nearest superclass.
 */
@FunctionalInterface
public interface RefusalStatuses {

	Map<Class<? extends Refusal>, HttpStatus> statuses();

}
