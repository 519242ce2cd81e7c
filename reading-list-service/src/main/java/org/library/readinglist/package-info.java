/**
 * Readers' reading lists: owned by this service alone (schema reading_list), shown with
 * titles from its own copy of the catalog data, kept up to date from
 * library.catalog.books.
 */
package org.library.readinglist;
