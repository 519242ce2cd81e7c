-- The trail by month. At ten million events a time window read every index entry of the window to find the
-- newest ones, and a filter read its whole index when the window or another filter left little of it. Each UTC
-- month is now its own partition (audit_event_YYYY_MM), so a window touches only its months, and an old month can
-- be read, or kept elsewhere, as one table. Events of a time no month was made for go to audit_event_other_times.
--
-- What changes for the rest of the code: the primary key is (id, occurred_at), since a key on a partitioned table
-- must hold the partition key. An event's id is still stored once: appends hold one lock and leave out the ids
-- already stored (AuditLog.append), and a redelivery carries the same occurred_at anyway. leaf_index stays dense
-- and unique through the triggers of V3, which are recreated here; its index is no longer a constraint.
--
-- Copying the trail takes time: about 10 minutes for 10 million events on a 2-core machine (docs/operations.md).

ALTER TABLE audit_event RENAME TO audit_event_unpartitioned;
ALTER TABLE audit_event_unpartitioned ALTER COLUMN seq DROP IDENTITY;
ALTER TABLE audit_event_unpartitioned DROP CONSTRAINT audit_event_pkey;
ALTER TABLE audit_event_unpartitioned DROP CONSTRAINT audit_event_leaf_index_unique;
DROP INDEX audit_event_by_seq, audit_event_by_source, audit_event_by_action, audit_event_by_entity_type,
    audit_event_by_entity_id, audit_event_by_occurred_at, audit_event_by_trace_id;

-- the same columns in the same order as before, so that a row copied with SELECT * still fits
CREATE TABLE audit_event (
    id          uuid        NOT NULL,
    seq         bigint      GENERATED ALWAYS AS IDENTITY,
    occurred_at timestamptz NOT NULL,
    source      text        NOT NULL CHECK (length(source) <= 200),
    actor       text        NOT NULL CHECK (length(actor) <= 200),
    action      text        NOT NULL CHECK (length(action) <= 200),
    entity_type text        NOT NULL CHECK (length(entity_type) <= 200),
    entity_id   text        NOT NULL CHECK (length(entity_id) <= 200),
    details     jsonb       NOT NULL DEFAULT '{}',
    recorded_at timestamptz NOT NULL DEFAULT now(),
    trace_id    text        CHECK (trace_id ~ '^[0-9a-f]{32}$'),
    leaf_index  bigint      NOT NULL,
    PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE TABLE audit_event_other_times PARTITION OF audit_event DEFAULT;
REVOKE ALL ON audit_event_other_times FROM audit_app;

-- Pages are cut from the indexes alone: each carries occurred_at, so the newest seqs of every month merge in order
-- without a row read, and only the rows of the page are fetched (AuditLog.sql).
CREATE INDEX audit_event_by_seq ON audit_event (seq DESC) INCLUDE (occurred_at);
CREATE INDEX audit_event_by_source ON audit_event (source, seq DESC) INCLUDE (occurred_at);
CREATE INDEX audit_event_by_action ON audit_event (action, seq DESC) INCLUDE (occurred_at);
CREATE INDEX audit_event_by_entity_type ON audit_event (entity_type, seq DESC) INCLUDE (occurred_at);
CREATE INDEX audit_event_by_entity_id ON audit_event (entity_id, seq DESC) INCLUDE (occurred_at);
CREATE INDEX audit_event_by_trace_id ON audit_event (trace_id, seq DESC) INCLUDE (occurred_at)
    WHERE trace_id IS NOT NULL;
CREATE INDEX audit_event_by_occurred_at ON audit_event (occurred_at) INCLUDE (seq);
CREATE INDEX audit_event_by_leaf_index ON audit_event (leaf_index);

-- A month is made by the trail's owner. Nobody writes a month directly: a row must come through audit_event,
-- whose statement trigger gives the places, so audit_app keeps no right on a partition. A month whose time
-- already has events in audit_event_other_times is not made (Postgres would refuse it); those events stay there.
-- (in UTC: a month's bounds, and a month added to them, do not depend on the caller's time zone)
CREATE FUNCTION audit_event_make_month(day date) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    month_start timestamptz := make_timestamptz(extract(year FROM day)::int, extract(month FROM day)::int, 1, 0, 0, 0,
                                                'UTC');
    month_end   timestamptz := month_start + interval '1 month';
    part        text        := 'audit_event_' || to_char(day, 'YYYY_MM');
BEGIN
    IF to_regclass(part) IS NOT NULL
       OR EXISTS (SELECT 1 FROM audit_event_other_times
                   WHERE occurred_at >= month_start AND occurred_at < month_end) THEN
        RETURN false;
    END IF;
    EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)', part, month_start,
                   month_end);
    EXECUTE format('REVOKE ALL ON %I FROM audit_app', part);
    RETURN true;
END
$$;

-- the months from this one to `ahead` months on, made when missing (org.library.audit.TrailMonths calls it)
CREATE FUNCTION audit_event_make_months(ahead int) RETURNS int
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp SET TimeZone = 'UTC' AS $$
DECLARE
    made int := 0;
BEGIN
    IF ahead IS NULL OR ahead < 0 OR ahead > 36 THEN
        RAISE EXCEPTION 'months ahead must be 0 to 36, not %', ahead;
    END IF;
    FOR step IN 0..ahead LOOP
        IF audit_event_make_month((date_trunc('month', now() AT TIME ZONE 'UTC') + step * interval '1 month')::date)
        THEN
            made := made + 1;
        END IF;
    END LOOP;
    RETURN made;
END
$$;

REVOKE ALL ON FUNCTION audit_event_make_month(date), audit_event_make_months(int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_event_make_months(int) TO audit_app;

-- the months of the events recorded so far, then three ahead
SELECT audit_event_make_month(month::date)
  FROM generate_series(date_trunc('month', (SELECT min(occurred_at) FROM audit_event_unpartitioned) AT TIME ZONE 'UTC'),
                       date_trunc('month', now() AT TIME ZONE 'UTC'), interval '1 month') AS month;
SELECT audit_event_make_months(3);

INSERT INTO audit_event OVERRIDING SYSTEM VALUE SELECT * FROM audit_event_unpartitioned;
SELECT setval(pg_get_serial_sequence('audit_event', 'seq'), max(seq)) FROM audit_event HAVING count(*) > 0;
DROP TABLE audit_event_unpartitioned;

-- the places of V3, on the new table: the triggers fire for rows inserted through audit_event, and only
-- through it can audit_app insert
CREATE TRIGGER audit_events_take_places BEFORE INSERT ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_take_places();
CREATE TRIGGER audit_event_takes_its_place BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_takes_its_place();
CREATE TRIGGER audit_events_took_places AFTER INSERT ON audit_event
    REFERENCING NEW TABLE AS placed FOR EACH STATEMENT EXECUTE FUNCTION audit_events_took_places();

REVOKE ALL ON audit_event FROM audit_app;
GRANT SELECT ON audit_event TO audit_app;
GRANT INSERT (id, occurred_at, source, actor, action, entity_type, entity_id, details, trace_id)
    ON audit_event TO audit_app;

-- Every (source, action, entity_type) the trail holds. A query naming two or three of them that no event has
-- (a catalog LoanOpened) is answered from here, in one lookup, rather than by reading a whole index for rows
-- that never match.
CREATE TABLE event_kind (
    source      text NOT NULL,
    action      text NOT NULL,
    entity_type text NOT NULL,
    PRIMARY KEY (source, action, entity_type)
);
INSERT INTO event_kind SELECT DISTINCT source, action, entity_type FROM audit_event;

-- For each hour of occurred_at (UTC), the lowest and highest seq of its events. Pages run newest seq first, so
-- a window ending mid-month would otherwise skip, in that month's seq index, every event recorded after the
-- window (up to a month of them). The hours a window overlaps bound the seqs its events can have, however late
-- each was recorded, and the index is entered at the highest (AuditLog.sql).
CREATE TABLE event_hour (
    hour     timestamptz PRIMARY KEY,
    low_seq  bigint      NOT NULL,
    high_seq bigint      NOT NULL
);
INSERT INTO event_hour
SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00'), min(seq), max(seq)
  FROM audit_event GROUP BY 1;

-- Both are kept by the trigger that moves the head, as the trail's owner: audit_app may read them, and cannot
-- make a query miss an event by changing them.
CREATE OR REPLACE FUNCTION audit_events_took_places() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
DECLARE
    start  bigint;
    taken  bigint;
    first  bigint;
    last   bigint;
BEGIN
    SELECT size INTO start FROM tree_head;
    SELECT count(*), min(leaf_index), max(leaf_index) INTO taken, first, last FROM placed;
    IF taken = 0 THEN
        RETURN NULL;
    END IF;
    IF first <> start OR last <> start + taken - 1 THEN
        RAISE EXCEPTION 'audit events take the next places of the log, % to %, not % to %',
            start, start + taken - 1, first, last;
    END IF;
    UPDATE tree_head SET size = start + taken;
    INSERT INTO event_kind SELECT DISTINCT source, action, entity_type FROM placed ON CONFLICT DO NOTHING;
    INSERT INTO event_hour AS known (hour, low_seq, high_seq)
    SELECT date_bin('1 hour', occurred_at, timestamptz '2000-01-01 00:00:00+00'), min(seq), max(seq)
      FROM placed GROUP BY 1
    ON CONFLICT (hour) DO UPDATE SET low_seq = least(known.low_seq, excluded.low_seq),
                                     high_seq = greatest(known.high_seq, excluded.high_seq);
    RETURN NULL;
END
$$;
REVOKE ALL ON FUNCTION audit_events_took_places() FROM PUBLIC;

REVOKE ALL ON event_kind, event_hour FROM audit_app;
GRANT SELECT ON event_kind, event_hour TO audit_app;

-- an actor's events within a window come from the names' own index, and are found in their months
ALTER TABLE personal_name ADD COLUMN occurred_at timestamptz;
UPDATE personal_name n SET occurred_at = e.occurred_at FROM audit_event e WHERE e.id = n.event_id;
ALTER TABLE personal_name ALTER COLUMN occurred_at SET NOT NULL;
DROP INDEX personal_name_by_name;
CREATE INDEX personal_name_by_name ON personal_name (name, field, seq DESC) INCLUDE (occurred_at);
