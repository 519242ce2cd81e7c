-- Erasure without breaking proofs. Where an event names a person (its actor, and a reader in its details), the
-- trail keeps a salted hash, 'sha256:' || base64(SHA-256(salt || name)), and the leaf commits to that
-- (org.library.verifier.PersonalName). The name and its salt live here, one row per occurrence, each with its own
-- salt. Erasing a person deletes their rows: the trail then shows "erased" where the name was, and every leaf,
-- proof and checkpoint stays as it was. audit_app may delete here, and only here.
--
-- event_id has no foreign key: names are inserted only in the statement that stores their events (joined to the
-- rows it returns), and events are never deleted, so a key check per name would only slow every append.
CREATE TABLE personal_name (
    event_id uuid   NOT NULL,
    field    text   NOT NULL CHECK (field IN ('actor', 'details.reader', 'details.readerId')),
    seq      bigint NOT NULL,  -- the event's, so that an actor's events are read newest first from one index
    name     text   NOT NULL,
    salt     bytea  NOT NULL CHECK (length(salt) = 16),
    PRIMARY KEY (event_id, field)
);
CREATE INDEX personal_name_by_name ON personal_name (name, field, seq DESC);
GRANT DELETE ON personal_name TO audit_app;

-- The events recorded before: their names move here, each with a fresh salt (the 16 random bytes of a v4 UUID,
-- 122 of them random), and their rows keep the hash. Their leaves change, so the tree and its checkpoints are
-- built again from the first event (MerkleLog catches up); a checkpoint signed before this migration is of a
-- tree that no longer exists, and an auditor's state from before it must be started afresh.
INSERT INTO personal_name (event_id, field, seq, name, salt)
SELECT e.id, f.field, e.seq, f.name, uuid_send(gen_random_uuid())
  FROM audit_event e
 CROSS JOIN LATERAL (VALUES ('actor', e.actor),
                            ('details.reader', e.details ->> 'reader'),
                            ('details.readerId', e.details ->> 'readerId')) AS f (field, name)
 WHERE f.name IS NOT NULL AND f.name NOT LIKE 'sha256:%'
   AND (f.field = 'actor' OR jsonb_typeof(e.details -> substr(f.field, 9)) = 'string');

UPDATE audit_event e
   SET actor = 'sha256:' || encode(sha256(n.salt || convert_to(n.name, 'UTF8')), 'base64')
  FROM personal_name n
 WHERE n.event_id = e.id AND n.field = 'actor';
-- one statement per field: an UPDATE changes a row once, however many names it joins
UPDATE audit_event e
   SET details = jsonb_set(e.details, '{reader}',
                           to_jsonb('sha256:' || encode(sha256(n.salt || convert_to(n.name, 'UTF8')), 'base64')))
  FROM personal_name n
 WHERE n.event_id = e.id AND n.field = 'details.reader';
UPDATE audit_event e
   SET details = jsonb_set(e.details, '{readerId}',
                           to_jsonb('sha256:' || encode(sha256(n.salt || convert_to(n.name, 'UTF8')), 'base64')))
  FROM personal_name n
 WHERE n.event_id = e.id AND n.field = 'details.readerId';

-- actors are found through their names now, and the hashes need no index
DROP INDEX audit_event_by_actor;

DELETE FROM tree_node;
DELETE FROM checkpoint;
