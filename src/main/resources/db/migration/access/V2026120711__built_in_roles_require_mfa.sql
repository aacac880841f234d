-- Every built-in role that approves, moves money, exports or reads the security log requires a second factor, as
-- a fresh seed gives them (BuiltInRoles): operators and cashiers move deposits and withdrawals, compliance approves
-- and exports, auditors export and read the security log. Support only works tickets and reads: unchanged. Their
-- operators enrol at their next sign-in; sessions signed in without a code are sent to enrolment at once.
update access.role
   set mfa_required = true
 where built_in and name in ('operator', 'cashier', 'compliance', 'auditor') and not mfa_required;
