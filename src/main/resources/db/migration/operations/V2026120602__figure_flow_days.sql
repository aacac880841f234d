-- Operations created and completed per closed day and type, stored with the other daily figures (ADR 0010), so the
-- dashboard's 30-day flow reads 30 small rows per type instead of counting the rows of 30 days on every view.
create table operations.flow_day (
    day       date   not null references operations.figure_day,
    type      text   not null,
    created   bigint not null,
    completed bigint not null,
    primary key (day, type)
);

-- Days stored before this table existed have no flow rows: forget them, they are rolled up again (they are derived
-- from the operations and their history, which stay as they were).
delete from operations.stage_time_day;
delete from operations.operator_work_day;
delete from operations.figure_day;
