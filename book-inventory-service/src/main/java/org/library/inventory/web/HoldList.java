package org.library.inventory.web;

import java.util.List;

import org.library.inventory.Hold;

/** Holds, in the order the operation gives. */
record HoldList(List<Hold> holds) {
}
