-- Databases seeded before notifications could be read: give the built-in roles what a fresh seed gives them.
-- (Only adds, like V2026112212; roles an administrator edited keep everything else.)
update access.role set permissions = array_append(permissions, 'notifications:view')
 where built_in and name in ('supervisor', 'auditor')
   and not ('notifications:view' = any (permissions));
