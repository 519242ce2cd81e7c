/**
 * The inventory's REST API, /api/inventory/{bookId}.
 */
package org.library.inventory.web;
