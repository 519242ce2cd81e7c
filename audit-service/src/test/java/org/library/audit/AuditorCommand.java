package org.library.audit;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.library.testsupport.Caller;
import org.library.testsupport.TestIssuer;
import org.library.verifier.Main;

/**
 * The auditor's command, run as an auditor runs it, with an auditor's token from the
 * issuer: its exit code, a space, and all it printed.
 */
final class AuditorCommand {

	private AuditorCommand() {
	}

	static String run(String... args) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8), TestIssuer.shared().token(Caller.AUDITOR));
		return code + " " + out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
	}

}
