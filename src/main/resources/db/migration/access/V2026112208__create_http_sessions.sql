-- Console sign-in sessions (Spring Session JDBC's PostgreSQL schema, in the access schema). A session holds only
-- the operator's username and how far they are through sign-in; permissions are read afresh on every request.
create table access.http_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint http_session_pk primary key (primary_id)
);
create unique index http_session_ix1 on access.http_session (session_id);
create index http_session_ix2 on access.http_session (expiry_time);
create index http_session_ix3 on access.http_session (principal_name);

create table access.http_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint http_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint http_session_attributes_fk foreign key (session_primary_id)
        references access.http_session (primary_id) on delete cascade
);
