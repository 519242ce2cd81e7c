-- The W3C trace an event was made in: the request that caused the change, followed through every service, outbox
-- and record it passed. Empty for events made outside any trace (and for those recorded before it was kept).
ALTER TABLE audit_event ADD COLUMN trace_id text CHECK (trace_id ~ '^[0-9a-f]{32}$');
CREATE INDEX audit_event_by_trace_id ON audit_event (trace_id, seq DESC) WHERE trace_id IS NOT NULL;
