/**
 * Infrastructure shared by the library services; nothing here knows a book, a copy or a
 * reader.
 */
package org.library.platform;
