package org.library.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port nothing listens on now, for an instance or a stack a test starts itself.
 */
public final class FreePorts {

	/**
	 * Every port handed out in this JVM: a port is free again as soon as its probe
	 * closes, so a test that asks for several before starting anything could otherwise
	 * get one twice (Kafka and a service on the same port).
	 */
	private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

	private FreePorts() {
	}

	public static int freePort() {
		while (true) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (GIVEN.add(port)) {
					return port;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}
