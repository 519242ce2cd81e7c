-- The trail as a Merkle log (RFC 9162). Every event takes a dense place 0..n-1 in commit order (leaf_index),
-- and its leaf is the canonical JSON of every stored field (org.library.verifier.TrailEntry). tree_node keeps
-- the hash of every perfect subtree, so a root or a proof costs O(log n) reads.
--
-- The place and the recording time are the database's to give, never the writer's: audit_app may insert only
-- the event's own fields (column grants), and triggers owned by audit_owner give the next places from the
-- one-row tree_head, which audit_app cannot change. So audit_app can no longer put a row before the first one
-- (seq) or back-date it (recorded_at).

ALTER TABLE audit_event ADD COLUMN leaf_index bigint;
UPDATE audit_event e
   SET leaf_index = ranked.place
  FROM (SELECT id, row_number() OVER (ORDER BY seq) - 1 AS place FROM audit_event) AS ranked
 WHERE e.id = ranked.id;
ALTER TABLE audit_event ALTER COLUMN leaf_index SET NOT NULL;
ALTER TABLE audit_event ADD CONSTRAINT audit_event_leaf_index_unique UNIQUE (leaf_index);

CREATE TABLE tree_head (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    size     bigint  NOT NULL CHECK (size >= 0)     -- how many events have a place: the next takes this one
);
INSERT INTO tree_head (size) SELECT count(*) FROM audit_event;

-- the subtree at level l and index i covers leaves [i * 2^l, (i + 1) * 2^l); level 0 holds the leaf hashes
CREATE TABLE tree_node (
    level smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    index bigint   NOT NULL CHECK (index >= 0),
    hash  bytea    NOT NULL CHECK (length(hash) = 32),
    PRIMARY KEY (level, index)
);

-- Places are handed out per statement, not per row: one UPDATE of tree_head per insert, however many rows it
-- has (updating one row a thousand times in a transaction costs far more). Before the statement the head is
-- locked and its size noted; each row takes the next place; after it, the rows must hold exactly the next
-- places, or the statement fails, and the head moves past them.
CREATE FUNCTION audit_events_take_places() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
DECLARE
    start bigint;
BEGIN
    SELECT size INTO start FROM tree_head FOR UPDATE;
    PERFORM set_config('library.audit_next_place', start::text, true);
    RETURN NULL;
END
$$;

CREATE FUNCTION audit_event_takes_its_place() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = audit, pg_temp AS $$
BEGIN
    NEW.leaf_index := current_setting('library.audit_next_place')::bigint;
    PERFORM set_config('library.audit_next_place', (NEW.leaf_index + 1)::text, true);
    NEW.recorded_at := now();
    RETURN NEW;
END
$$;

-- the setting is only a counter: whoever changes it mid-statement gets places that are not the next ones,
-- and this refuses them
CREATE FUNCTION audit_events_took_places() RETURNS trigger
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
    RETURN NULL;
END
$$;

REVOKE ALL ON FUNCTION audit_events_take_places(), audit_event_takes_its_place(), audit_events_took_places()
    FROM PUBLIC;
CREATE TRIGGER audit_events_take_places BEFORE INSERT ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_events_take_places();
CREATE TRIGGER audit_event_takes_its_place BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_takes_its_place();
CREATE TRIGGER audit_events_took_places AFTER INSERT ON audit_event
    REFERENCING NEW TABLE AS placed FOR EACH STATEMENT EXECUTE FUNCTION audit_events_took_places();

-- what audit_app may write: the event's fields, and the tree's nodes; never its place, its time or the head
REVOKE INSERT ON audit_event FROM audit_app;
GRANT INSERT (id, occurred_at, source, actor, action, entity_type, entity_id, details, trace_id)
    ON audit_event TO audit_app;
REVOKE INSERT ON tree_head FROM audit_app;
