-- The bank side asks in bulk which verified clients registered the IBANs a statement's payments come from
-- (PortalClients.holdersOf, ADR 0033): the primary key leads with the client, so the IBAN has an index of its own.
create index payout_account_iban on portal.payout_account (iban);
