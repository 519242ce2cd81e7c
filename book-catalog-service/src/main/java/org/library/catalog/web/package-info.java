/**
 * The catalog's REST API, /api/books: validation at the edge, ETags for safe concurrent
 * updates.
 */
package org.library.catalog.web;
