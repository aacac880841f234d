-- Databases seeded before saved views: the built-in supervisor role may delete shared views, as a fresh seed
-- gives it (BuiltInRoles). Only adds.
update access.role
   set permissions = permissions || array['views:manage']
 where built_in and name = 'supervisor' and not ('views:manage' = any (permissions));
