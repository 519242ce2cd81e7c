-- The transactional outbox, shared by every writing service (each in its own schema).
-- Version 0.1 so it runs before the service's own migrations (V1...).
CREATE TABLE outbox_event (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic       text        NOT NULL,
    record_key  text        NOT NULL,
    payload     text,                       -- NULL is a tombstone
    headers     jsonb       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
