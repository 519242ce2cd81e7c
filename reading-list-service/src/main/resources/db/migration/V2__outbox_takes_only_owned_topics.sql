-- The outbox takes only the topics this service owns (infra/kafka/ownership.tsv): even its own database role
-- cannot make the relay publish on another service's topic. Events waiting from before audit topics were per
-- service go to this service's own.
UPDATE outbox_event SET topic = 'library.audit.reading-list-service' WHERE topic = 'library.audit';
ALTER TABLE outbox_event ADD CONSTRAINT outbox_event_topic_is_owned CHECK (topic IN ('library.audit.reading-list-service'));
