-- Spring Modulith's JDBC event publication registry (ADR 0021): one row per event and @ApplicationModuleListener,
-- written in the publisher's transaction, deleted when the listener completes (completion mode delete), resubmitted
-- by any node while it is not (EventPublicationResubmission). Exactly the table of spring-modulith-events-jdbc 2.1's
-- schemas/v2/schema-postgresql.sql, in the platform schema (spring.modulith.events.jdbc.schema=platform);
-- Modulith's own schema initialisation is off. The application role may read, write and delete it like every
-- platform table (docs/production-roles.sql).
create table platform.event_publication (
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index event_publication_serialized_event_hash_idx on platform.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on platform.event_publication (completion_date);
