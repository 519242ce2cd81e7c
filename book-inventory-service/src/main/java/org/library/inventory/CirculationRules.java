package org.library.inventory;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The library's lending rules, {@code library.circulation.*}. One open loan per reader
 * and book is not a setting: the table itself refuses a second.
 *
 * @param loanPeriod how long a copy is lent for, and how much a renewal adds
 * @param maxOpenLoans how many copies a reader may have at once
 * @param maxRenewals how often a loan may be renewed; never while someone holds the book
 * @param pickupWindow how long a copy set aside for a hold waits for its reader
 * @param retention how long a returned loan or a closed hold keeps its reader's name
 * @param sweepInterval how often expired holds are passed on and old names removed
 */
@Validated
@ConfigurationProperties("library.circulation")
public record CirculationRules(@NotNull @DefaultValue("21d") Duration loanPeriod,
		@DefaultValue("5") @Min(1) @Max(1000) int maxOpenLoans, @DefaultValue("2") @Min(0) @Max(100) int maxRenewals,
		@NotNull @DefaultValue("3d") Duration pickupWindow, @NotNull @DefaultValue("30d") Duration retention,
		@NotNull @DefaultValue("1m") Duration sweepInterval) {

	public CirculationRules {
		for (Duration period : new Duration[] { loanPeriod, pickupWindow, retention, sweepInterval }) {
			if (period != null && (period.isNegative() || period.isZero())) {
				throw new IllegalArgumentException("library.circulation periods must be positive, not " + period);
			}
		}
	}

}
