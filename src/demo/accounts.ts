import type { Tx } from '../db/types.ts';
import { DEMO_PASSWORD } from '../domain/accounts/password-policy.ts';
import type { Role } from '../domain/accounts/roles.ts';
import { SYSTEM_ACTOR } from '../modules/audit/index.ts';
import { addUser, type Staff } from '../modules/accounts/index.ts';

/** The demo county's staff: one admin and one account per role, all with DEMO_PASSWORD
 * (published in the README, so the password policy allows it for the demo county only). */
export { DEMO_PASSWORD };

export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role }[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin' },
  { username: 'clerk', displayName: '王窗口', role: 'clerk' },
  { username: 'reviewer', displayName: '李审核', role: 'reviewer' },
  { username: 'auditor', displayName: '赵稽核', role: 'auditor' },
  { username: 'leader', displayName: '陈局长', role: 'leader' },
  { username: 'agent', displayName: '刘代办', role: 'agent' },
  // a second auditor for 复审 (never the one who did 初审), and the county hospital's own login
  { username: 'auditor2', displayName: '钱稽核', role: 'auditor' },
  { username: 'hospital', displayName: '县人民医院医保办', role: 'institution' },
];

export async function seedDemoAccounts(
  tx: Tx,
  admdvs: string,
  agentVillage: string,
  hospitalCode: string,
): Promise<Map<string, Staff>> {
  const out = new Map<string, Staff>();
  for (const a of DEMO_ACCOUNTS) {
    const staff = await addUser(
      tx,
      SYSTEM_ACTOR,
      {
        username: a.username,
        displayName: a.displayName,
        password: DEMO_PASSWORD,
        roles: [a.role],
        admdvs,
        villageCode: a.role === 'agent' ? agentVillage : null,
        fixmedinsCode: a.role === 'institution' ? hospitalCode : null,
      },
      { demo: true },
    );
    out.set(a.username, staff);
  }
  return out;
}
