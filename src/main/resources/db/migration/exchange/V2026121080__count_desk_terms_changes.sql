-- The desk's terms (currency settings and pairs' rates and modes) are read on every quote and order. Each
-- instance keeps them in memory and checks this counter before using them: any change to either table — through
-- the application or by hand — moves it in the same transaction, so a copy is used only while it is current, on
-- every instance. One row; the triggers run once per statement, not per row.
create table exchange.terms_version (
    one     boolean primary key default true check (one),
    version bigint  not null
);
insert into exchange.terms_version (version) values (0);

create function exchange.count_terms_change() returns trigger language plpgsql as $$
begin
    update exchange.terms_version set version = version + 1;
    return null;
end
$$;

create trigger pair_changes_terms after insert or update or delete or truncate on exchange.pair
    for each statement execute function exchange.count_terms_change();
create trigger currency_setting_changes_terms after insert or update or delete or truncate
    on exchange.currency_setting
    for each statement execute function exchange.count_terms_change();
