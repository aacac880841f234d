-- Everyone's export runs were shown to holders of audit:view; the exports module now names its own permission for
-- that (exports:audit). Every role and API key that held audit:view keeps what it could see. Only adds.
update access.role
   set permissions = permissions || array['exports:audit']
 where 'audit:view' = any (permissions) and not ('exports:audit' = any (permissions));

update access.api_key
   set permissions = permissions || array['exports:audit']
 where 'audit:view' = any (permissions) and not ('exports:audit' = any (permissions));
