package org.library.audit;

import java.util.List;

/**
 * One page of the trail and where the next one starts ({@code null}: there is none).
 */
public record AuditPage(List<RecordedEvent> items, Long next) {
}
