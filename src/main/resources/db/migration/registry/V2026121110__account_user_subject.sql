-- An account user's link to the client directory (clients.client.subject), as persons and companies have: where
-- the app's push token and the user's consents are kept. Optional: a user not linked is not reachable by push
-- (account.send-push records them as skipped with that reason).
alter table registry.account_user add column subject text check (length(subject) between 1 and 200);
