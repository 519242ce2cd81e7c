-- The checkpoints the audit service signed: the log's size, its root, and the signed note (C2SP tlog-checkpoint,
-- Ed25519). A copy only: what proves the trail is a checkpoint kept where the database's owner cannot rewrite it.
CREATE TABLE checkpoint (
    size      bigint      PRIMARY KEY CHECK (size >= 0),
    root      bytea       NOT NULL CHECK (length(root) = 32),
    note      text        NOT NULL,
    signed_at timestamptz NOT NULL DEFAULT now()
);
