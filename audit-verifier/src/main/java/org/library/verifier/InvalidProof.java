package org.library.verifier;

/**
 * A proof that does not prove what it claims: the wrong size, a hash that does not chain
 * to the root, or sizes that cannot be.
 */
public class InvalidProof extends Exception {

	public InvalidProof(String reason) {
		super(reason);
	}

}
