-- What the provider says of an account beyond its status and balances (issue 14, the provider-backed account
-- actions): its alias at the provider as last synced, and the no-name card linked to it (a reference only, until
-- the cards module arrives in part 2).
alter table registry.account
    add column provider_alias   text check (length(provider_alias) between 1 and 200),
    add column alias_synced_at  timestamptz,
    add column no_name_card     text check (no_name_card ~ '^[A-Za-z0-9-]{4,40}$'),
    add column card_linked_at   timestamptz;
-- a card is linked to one live account at most
create unique index account_no_name_card on registry.account (no_name_card) where deleted_at is null and no_name_card is not null;
