/**
 * The inventory: how many copies of each book the library owns and how many are on loan.
 * It owns schema book_inventory and learns which books exist from the catalog's topic,
 * never from the catalog's schema.
 */
package org.library.inventory;
