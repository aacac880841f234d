-- Databases seeded before internal comments: the built-in desk roles comment on every type they work (the types
-- they may claim), as a fresh seed gives them. Only adds, like V2026112242; supervisors hold '<type>:*' already,
-- auditors get nothing.
update access.role r
   set permissions = r.permissions || array(
           select distinct regexp_replace(p, ':claim$', ':comment')
             from unnest(r.permissions) p
            where p ~ '^[a-z0-9_]+:claim$'
              and not (regexp_replace(p, ':claim$', ':comment') = any (r.permissions)))
 where built_in and name in ('operator', 'cashier', 'support', 'compliance');
