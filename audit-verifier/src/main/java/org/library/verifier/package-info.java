/**
 * The audit trail's proofs, checked with nothing but the JDK: the Merkle tree of RFC 9162
 * and its inclusion and consistency proofs.
 */
package org.library.verifier;
