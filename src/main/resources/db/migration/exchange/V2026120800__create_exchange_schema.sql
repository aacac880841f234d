-- The exchange desk: currencies the office works with, pairs and their rates, the office's bank accounts, and the
-- exchange details of orders (the orders themselves are exchange_order operations in the operations schema).
create schema if not exists exchange;
