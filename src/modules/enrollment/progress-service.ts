// 参保进度 per township and for the county (the dashboard reuses enrollmentProgress).
//
// Who counts as insured and as 资助参保 in a year: coverage-queries.ts (the one definition), counted
// in the township of the village the person is registered in now. Stopped enrollments do not count
// (a stop gives the period back — death, prison, a correction); 510 maternity is not basic medical
// insurance and does not count.
import type { Queryable, Tx } from '../../db/types.ts';
import { countyTotals, rankTownships } from '../../domain/registry/progress.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { lockTarget, townshipCounts, townshipExists, upsertTarget } from './progress-repo.ts';

export async function enrollmentProgress(q: Queryable, admdvs: string | null, year: number) {
  const rows = await townshipCounts(q, admdvs, year);
  return { year, county: countyTotals(rows), townships: rankTownships(rows) };
}

export async function setTarget(
  tx: Tx,
  actor: Actor,
  input: { townshipCode: string; year: number; target: number },
): Promise<{ townshipCode: string; year: number; target: number }> {
  if (!(await townshipExists(tx, input.townshipCode)))
    throw notFound('TOWNSHIP_NOT_FOUND', `乡镇 ${input.townshipCode} 不存在`, { field: 'townshipCode' });
  const before = await lockTarget(tx, input.townshipCode, input.year);
  await upsertTarget(tx, input.townshipCode, input.year, input.target);
  const after = { townshipCode: input.townshipCode, year: input.year, target: input.target };
  await audit(
    tx,
    actor,
    'enrollment_target.set',
    'enrollment_target',
    `${input.townshipCode}/${input.year}`,
    before ?? null,
    after,
  );
  return after;
}
