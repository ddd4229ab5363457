// Staff roles. Every API route declares which of these it allows.
export const ROLES = ['admin', 'clerk', 'reviewer', 'auditor', 'leader', 'agent', 'institution'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_NAMES: Record<Role, string> = {
  admin: '系统管理员',
  clerk: '窗口受理',
  reviewer: '审核',
  auditor: '稽核',
  leader: '领导',
  agent: '村级代办',
  institution: '定点机构用户',
};

/** Roles that may see resident ID and phone numbers in full (with an audited reveal). */
export const FULL_PII_ROLES: readonly Role[] = ['admin', 'clerk', 'reviewer', 'auditor'];

/**
 * The bureau's own staff. An institution's login (定点机构用户, issue 12) is not staff: it sees only
 * its own supervision suspects and answers them.
 */
export const ALL_STAFF: readonly Role[] = ROLES.filter((r) => r !== 'institution');

export function isRole(v: string): v is Role {
  return (ROLES as readonly string[]).includes(v);
}

export function mayViewFullPii(roles: readonly Role[]): boolean {
  return roles.some((r) => FULL_PII_ROLES.includes(r));
}
