/**
 * The reading-list REST API, /api/readers/{readerId}/reading-list.
 */
package org.library.readinglist.web;
