/**
 * Reads library.audit in batches into the trail; what cannot be read goes to library.audit.DLT.
 */
package org.library.audit.messaging;
