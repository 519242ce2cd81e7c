/**
 * A service started by a launcher (the local stack, a fault test) ends when its launcher does.
 */
package org.library.platform.launcher;
