/**
 * The catalog's published stream as its consumers read it: one typed reader, one topic
 * name.
 */
package org.library.platform.catalog;
