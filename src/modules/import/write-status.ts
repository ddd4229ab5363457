// Writing accepted police-list rows, set-based: record each status change, move the person's
// current status, and for a death or an imprisonment end the person's open identity spells on
// the effective date and stop the enrollments that run past it — the same effects the registry's
// single-person status change has. Every touched person, spell and enrollment gets an audit row.
import type { Tx } from '../../db/types.ts';
import type { StatusRecord } from '../../domain/import/status.ts';
import type { Actor } from '../audit/index.ts';
import { endSpellsAndEnrollments, insertStatusChanges, moveCurrentStatus } from './write-repo.ts';

export async function writeStatusChanges(
  tx: Tx,
  actor: Actor,
  records: readonly StatusRecord[],
  source: string,
  at: Date = new Date(), // the application's clock for the audit rows, as for audit()
): Promise<{ inserted: number; updated: number }> {
  const rs = records.filter((r) => r.action === 'insert');
  if (rs.length === 0) return { inserted: 0, updated: 0 };
  const n = await insertStatusChanges(tx, rs, source);
  await moveCurrentStatus(tx, rs, actor, source, at);

  const stops = rs.filter((r) => r.status === 'deceased' || r.status === 'imprisoned');
  if (stops.length > 0) {
    await endSpellsAndEnrollments(tx, stops, actor, at);
  }
  return { inserted: n, updated: 0 };
}
