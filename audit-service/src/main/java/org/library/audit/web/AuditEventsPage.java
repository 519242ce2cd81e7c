package org.library.audit.web;

import java.util.List;

import org.library.audit.RecordedEvent;

/**
 * One page of the trail; pass {@code nextCursor} as {@code cursor} for the next one
 * ({@code null}: no more).
 */
record AuditEventsPage(List<RecordedEvent> items, String nextCursor) {
}
