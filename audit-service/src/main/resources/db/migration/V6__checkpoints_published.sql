-- Every checkpoint is also published to library.audit-checkpoints, where the database's owner cannot rewrite it.
-- The checkpoint table is its own outbox: a checkpoint is stored when it is signed and published after, oldest
-- first, until Kafka has it (org.library.audit.messaging.CheckpointPublisher). audit_app may mark it published,
-- and change nothing else.
ALTER TABLE checkpoint ADD COLUMN published_at timestamptz;
GRANT UPDATE (published_at) ON checkpoint TO audit_app;
CREATE INDEX checkpoint_unpublished ON checkpoint (size) WHERE published_at IS NULL;
