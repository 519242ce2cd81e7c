/**
 * The catalog's topic as its consumers see it: one record per change of a book.
 */
package org.library.contracts.catalog;
