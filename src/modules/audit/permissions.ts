// The audit trail is read and checked by 稽核 and the admin.
export const AUDIT_PERMISSIONS = {
  'audit.view': { name: '审计日志查询与审计链校验', roles: ['admin', 'auditor'] },
} as const;
