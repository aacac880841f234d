-- Payment matching's second rule (ADR 0031) looks orders up by the IBAN the client said they pay from, in bulk.
create index order_detail_pay_from_iban on exchange.order_detail (pay_from_iban, deadline) where pay_from_iban is not null;
