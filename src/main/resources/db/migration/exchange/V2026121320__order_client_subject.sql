-- Payment matching's second rule (ADR 0031, extended in ADR 0033 of the same issue) recognises a client's payment
-- also by the accounts the client registered in the portal, not only by the IBAN given on the order: so the order
-- keeps whose it is (the operation's subject, which lives in operations) for the bulk lookup by client. Orders from
-- before this migration know it where a portal quote names it; desk orders of that time stay without (the rule
-- still finds them by their pay-from IBAN).
alter table exchange.order_detail add column client_subject text;

update exchange.order_detail d set client_subject = q.subject
  from exchange.quote q
 where q.order_id = d.operation_id and q.subject is not null;

create index order_detail_client_subject on exchange.order_detail (client_subject, deadline)
    where client_subject is not null;
