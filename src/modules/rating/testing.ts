// Set-up for rating tests: completed matters to rate (a phone change completed at the counter).
import type { Db, Queryable } from '../../db/types.ts';
import type { StaffClient } from '../matter/testing.ts';
import { addPerson } from '../persons/testing.ts';

const ID = '有效身份证件或医保电子凭证';

/** A phone change accepted and completed by the clerk; returns the matter as the API shows it. */
export async function completedMatter(db: Db, clerk: StaffClient, phone = '13912345678') {
  const p = await addPerson(db, { phone: '13800000000' });
  const m = (
    await clerk.apply({
      typeCode: 'CB006',
      applicantName: '张三',
      handedIn: [ID, '参保信息变更登记表'],
      payload: { psnNo: p.psnNo, phone },
    })
  ).json();
  const done = await clerk.act(m.id, { action: 'complete' });
  if (done.statusCode !== 200) throw new Error(done.body);
  return m as { id: number; receiptNo: string };
}

/** Row counts of the rating tables (and the audit): compare before/after a refused request. */
export async function ratingSnapshot(q: Queryable): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of [
    'rating',
    'rating_rectification',
    'rating_invitation',
    'workflow_case',
    'workflow_event',
    'audit_entry',
  ])
    out[t] = (
      await q.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM ${t} ${t === 'audit_entry' ? "WHERE action NOT LIKE 'account.%' AND action <> 'access.denied'" : ''}`,
      )
    )[0].n;
  out.used = (
    await q.query<{ n: number }>('SELECT count(*)::int AS n FROM rating_invitation WHERE used_at IS NOT NULL')
  )[0].n;
  return out;
}
