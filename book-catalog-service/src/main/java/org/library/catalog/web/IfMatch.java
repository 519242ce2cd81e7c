package org.library.catalog.web;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.library.catalog.ExpectedVersions;
import org.library.platform.web.InvalidRequest;

/**
 * The versions an If-Match names (RFC 9110, 13.1.1): {@code *} is any; otherwise a list
 * of entity tags, compared strongly, so a weak tag ({@code W/"3"}) matches nothing, nor
 * does a tag this service never issued. A header that is not a list of entity tags is a
 * 400 naming it.
 */
final class IfMatch {

	/**
	 * An entity tag as RFC 9110 spells it (without commas, which no tag of ours holds).
	 */
	private static final Pattern ENTITY_TAG = Pattern.compile("(W/)?\"[\\x21\\x23-\\x2B\\x2D-\\x7E]*\"");

	/** A tag this catalog issues: a book's version. */
	private static final Pattern VERSION = Pattern.compile("\"[0-9]{1,18}\"");

	private IfMatch() {
	}

	/**
	 * @param headers each If-Match header the request carries
	 */
	static ExpectedVersions versions(List<String> headers) {
		Set<Long> versions = new HashSet<>();
		for (String value : headers) {
			for (String tag : value.split(",")) {
				String trimmed = tag.strip();
				if (trimmed.equals("*")) {
					return ExpectedVersions.ANY;
				}
				if (!ENTITY_TAG.matcher(trimmed).matches()) {
					throw new InvalidRequest("If-Match", "must be * or a list of entity tags such as \"3\"");
				}
				if (VERSION.matcher(trimmed).matches()) {
					versions.add(Long.parseLong(trimmed.substring(1, trimmed.length() - 1)));
				}
			}
		}
		return ExpectedVersions.oneOf(versions);
	}

}
