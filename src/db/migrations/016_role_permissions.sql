-- The admin's changes to which roles hold which permissions. The defaults live with each module
-- (permissions.ts); a row here grants or withdraws one permission for one role. History: the audit trail.
CREATE TABLE role_permission (
  role        text NOT NULL,
  permission  text NOT NULL,
  granted     boolean NOT NULL,
  set_by      text NOT NULL,
  set_at      timestamptz NOT NULL,
  PRIMARY KEY (role, permission)
);
