-- The dashboard's history-based figures per closed UTC day (docs/adr/0010-dashboard-figures.md): how long
-- operations stayed in each stage, and per operator the moves made, approvals given and handling times. A day is
-- rolled up once, an hour after it ended (no change can still be dated to it), and never changed after that;
-- the current day is read live from the history. Durations are counted in logarithmic buckets
-- (operations.statistics.DurationHistogram): buckets[i] holds counts[i] durations, so days add up by adding counts
-- and a row stays small however busy the day was.

-- A day whose figures are stored. Inserting this row first is what makes one node, not two, roll the day up.
create table operations.figure_day (
    day          date        primary key,
    rolled_up_at timestamptz not null
);

-- Stages left on the day: per type and stage, the time spent there.
create table operations.stage_time_day (
    day     date     not null references operations.figure_day,
    type    text     not null,
    stage   text     not null,
    buckets int[]    not null,
    counts  bigint[] not null check (cardinality(counts) = cardinality(buckets)),
    primary key (day, type, stage)
);

-- Per operator (people only) and type: moves made and approvals given on the day, and the operations assigned to
-- them that reached a terminal stage on it, with the time from assignment to completion.
create table operations.operator_work_day (
    day         date     not null references operations.figure_day,
    type        text     not null,
    operator    text     not null,
    name        text     not null,
    transitions bigint   not null,
    approvals   bigint   not null,
    buckets     int[]    not null,
    counts      bigint[] not null check (cardinality(counts) = cardinality(buckets)),
    primary key (day, type, operator)
);
