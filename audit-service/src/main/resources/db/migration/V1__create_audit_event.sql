-- The common audit trail. Only audit-service writes it, as audit_app, which may INSERT and SELECT and
-- nothing more (infra/postgres/provision.sql): once recorded, an event cannot be changed or deleted.
CREATE TABLE audit_event (
    id          uuid        PRIMARY KEY,             -- the event's id: a redelivered event is stored once
    seq         bigint      GENERATED ALWAYS AS IDENTITY,  -- recording order: stable keyset pages
    occurred_at timestamptz NOT NULL,
    source      text        NOT NULL CHECK (length(source) <= 200),
    actor       text        NOT NULL CHECK (length(actor) <= 200),
    action      text        NOT NULL CHECK (length(action) <= 200),
    entity_type text        NOT NULL CHECK (length(entity_type) <= 200),
    entity_id   text        NOT NULL CHECK (length(entity_id) <= 200),
    details     jsonb       NOT NULL DEFAULT '{}',
    recorded_at timestamptz NOT NULL DEFAULT now()
);

-- newest first, page by page; and each filter of the query API served by its own index
CREATE UNIQUE INDEX audit_event_by_seq ON audit_event (seq DESC);
CREATE INDEX audit_event_by_source ON audit_event (source, seq DESC);
CREATE INDEX audit_event_by_action ON audit_event (action, seq DESC);
CREATE INDEX audit_event_by_entity_type ON audit_event (entity_type, seq DESC);
CREATE INDEX audit_event_by_entity_id ON audit_event (entity_id, seq DESC);
CREATE INDEX audit_event_by_actor ON audit_event (actor, seq DESC);
CREATE INDEX audit_event_by_occurred_at ON audit_event (occurred_at);

-- the app role serves traffic; it has no business with the migration history
REVOKE ALL ON flyway_schema_history FROM audit_app;
