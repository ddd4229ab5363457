-- Personal data on a need-to-know basis: an identity type the bureau marks sensitive (涉毒人员 by
-- default) is shown only to the roles that need it (see domain/accounts/roles.ts
-- SENSITIVE_IDENTITY_ROLES), and never to a HIS in 1101. The admin edits the flag.
ALTER TABLE identity_type ADD COLUMN sensitive boolean NOT NULL DEFAULT false;
UPDATE identity_type SET sensitive = true WHERE code = 'shedu';
