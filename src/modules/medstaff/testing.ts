// Set-up for medstaff tests: a registered doctor at an institution.
import { inTx } from '../../db/testing.ts';
import type { Db, Tx } from '../../db/types.ts';
import { SYSTEM_ACTOR } from '../audit/index.ts';
import type { StaffBody } from './contract.ts';
import { registerStaff } from './service.ts';

export async function addStaff(
  q: Tx | Db,
  s: Partial<StaffBody> & { fixmedinsCode: string; staffCode: string },
) {
  const r = await inTx(q, (tx) =>
    registerStaff(
      tx,
      { name: '李医生', kind: 'doctor', department: '内科', ...s },
      SYSTEM_ACTOR,
      new Date('2026-01-05T02:00:00Z'),
    ),
  );
  return r.id;
}
