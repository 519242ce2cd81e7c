package org.library.inventory.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How many copies to add to stock or take out of it.
 */
record CopiesRequest(@NotNull @Min(1) @Max(1000) Integer count) {
}
