-- An export refused because too many were running (per node or per principal) is on record too, as 'refused':
-- who asked, with which filter, when. Nothing was read or sent, so its counts are zero.
alter table exports.export_outcome drop constraint export_outcome_outcome_check;
alter table exports.export_outcome
    add constraint export_outcome_outcome_check check (outcome in ('completed', 'failed', 'cancelled', 'refused'));
