-- Four-eyes compares people, not principals: an API key counts as the operator who created it (issue 11).
-- Requests and votes recorded before keep their principal as their person: that is what they were compared by.
alter table operations.approval_request add column maker_person text;
update operations.approval_request set maker_person = maker_key;
alter table operations.approval_request alter column maker_person set not null;

alter table operations.approval_vote disable trigger approval_vote_append_only;
alter table operations.approval_vote add column checker_person text;
update operations.approval_vote set checker_person = checker_key;
alter table operations.approval_vote alter column checker_person set not null;
alter table operations.approval_vote enable trigger approval_vote_append_only;

-- One approval per person on a request, whichever of their keys gave it.
create unique index approval_vote_one_per_person on operations.approval_vote (request_id, checker_person);
