package org.library.systemtests;

import java.nio.file.Path;

/**
 * The working copy the system tests check and start: this module's parent folder, where
 * every module's sources, compiled classes and built jars are.
 */
final class WorkingCopy {

	static final Path ROOT = Path.of("").toAbsolutePath().getParent();

	private WorkingCopy() {
	}

}
