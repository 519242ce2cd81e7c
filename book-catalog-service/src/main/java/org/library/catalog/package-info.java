/**
 * The catalog: what a book is (its ISBN, title, authors and description). It owns schema
 * book_catalog and is the only source of the library.catalog.books topic.
 */
package org.library.catalog;
