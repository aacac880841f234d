-- Databases seeded before the client directory existed: give the built-in roles what a fresh seed gives them.
-- (BuiltInRoles seeds only missing roles; it never rewrites roles an administrator may have edited, and this
-- migration only adds, it never removes.)
update access.role set permissions = array_append(permissions, 'clients:view')
 where built_in and name in ('supervisor', 'auditor', 'support', 'compliance')
   and not ('clients:view' = any (permissions));
update access.role set permissions = array_append(permissions, 'clients:manage')
 where built_in and name = 'supervisor'
   and not ('clients:manage' = any (permissions));
