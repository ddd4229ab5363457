// 事中: the settlement's own moment. A rule an admin set to 拦截 refuses a settlement (2207/2304)
// whose lines break it for certain; every other rule of the 事中 stage is applied to each settlement
// right after it is committed, by a job that follows the settlements with a cursor, so the
// settlement's own latency never carries the audit. Its hits become suspects (source 事中审核), once
// per visit and rule.
import type { Db, Queryable, Tx } from '../../db/types.ts';
import { conflict } from '../../domain/shared/errors.ts';
import type { WorkCalendar } from '../../domain/shared/working-days.ts';
import { type AnalysisRequest, findWarnings } from './analysis.ts';
import * as repo from './analysis-repo.ts';
import { fenToYuan } from '../../domain/shared/money.ts';

const RULES_TTL_MS = 5_000;
let blocking: { codes: string[]; at: number } | null = null;

/** Forget the cached list of blocking rules (after an admin's change in this process). */
export function forgetBlockingRules(): void {
  blocking = null;
}

async function blockingCodes(q: Queryable): Promise<string[]> {
  const t = Date.now();
  if (!blocking || t - blocking.at > RULES_TTL_MS) blocking = { codes: await repo.blockingRules(q), at: t };
  return blocking.codes;
}

function requestOf(
  e: NonNullable<Awaited<ReturnType<typeof repo.storedEncounter>>>,
  mdtrtId: string,
  ruleCodes: string[] | null,
): AnalysisRequest {
  return {
    stage: 'during',
    taskId: null,
    ruleCodes,
    patients: [
      {
        patnId: e.psnNo,
        gender: e.gender,
        birthDate: e.birthDate,
        encounters: [
          {
            mdtrtId,
            insutype: e.insutype,
            inpatient: e.inpatient,
            beginDate: e.beginDate,
            endDate: e.endDate,
            diagnoses: e.diagnoses,
            orders: e.orders.map((o) => ({ ...o, quantity: Number(o.quantity) })),
          },
        ],
      },
    ],
  };
}

/**
 * Refuse the settlement of a visit whose lines break a rule set to 拦截. No rule set so (the
 * default): no query at all beyond a cached look every few seconds.
 */
export async function refuseIfBlocked(q: Tx, mdtrtId: string, now: Date): Promise<void> {
  const codes = await blockingCodes(q);
  if (codes.length === 0) return;
  const e = await repo.storedEncounter(q, mdtrtId);
  if (!e) return; // the settlement itself answers for an unknown visit
  const found = await findWarnings(q, requestOf(e, mdtrtId, codes), {
    institution: { code: e.fixmedinsCode, level: e.level ?? 1 },
    now,
  });
  const certain = found.filter((w) => w.resultType === 'certain');
  if (certain.length === 0) return;
  const what = certain
    .map(
      (w) => `${w.ruleName}（明细 ${w.items.map((i) => i.rxId).join('、')}，${fenToYuan(w.amountFen)} 元）`,
    )
    .join('；');
  throw conflict(
    'SETTLEMENT_BLOCKED_BY_RULE',
    `事中审核发现明确违规，不予结算：${what}。请修改费用明细后重新结算`,
    {
      rules: certain.map((w) => w.ruleCode),
    },
  );
}

export interface AuditDeps {
  raise: (
    tx: Tx,
    s: {
      ruleCode: string;
      fixmedinsCode: string;
      mdtrtId: string;
      psnNo: string;
      amountFen: number;
      finding: string;
    },
    cal: WorkCalendar,
  ) => Promise<void>;
  calendar: (q: Queryable) => Promise<WorkCalendar>;
}

/**
 * The settlements made so far count as audited: the job audits only those made after. For
 * settlements loaded as history — the demo county's seeded months, whose suspects come from its
 * scan — which the job would otherwise work through 200 at a time every half minute after each
 * start, raising suspects while the demo is shown.
 */
export async function auditFromNow(db: Db): Promise<void> {
  await db.tx(async (tx) => {
    const newest = await repo.newestSettlement(tx);
    if (newest) await repo.moveCursor(tx, newest.createdAt, newest.setlId);
  });
}

/**
 * Audit the settlements committed since the last call (at most `limit`), in one transaction with
 * the cursor's move: a crash re-audits the batch, and a (visit, rule) already raised is skipped.
 */
export async function auditSettlements(
  db: Db,
  now: Date,
  deps: AuditDeps,
  o: { limit?: number; lagSeconds?: number } = {},
): Promise<{ audited: number; raised: number }> {
  return db.tx(async (tx) => {
    const batch = await repo.settlementsAfter(tx, o.limit ?? 200, o.lagSeconds ?? 60);
    if (batch.length === 0) return { audited: 0, raised: 0 };
    const seen = await repo.realtimeSuspectsOf(
      tx,
      batch.map((b) => b.mdtrtId),
    );
    const cal = await deps.calendar(tx);
    let raised = 0;
    for (const b of batch) {
      const e = await repo.storedEncounter(tx, b.mdtrtId);
      if (!e) continue;
      const found = await findWarnings(tx, requestOf(e, b.mdtrtId, null), {
        institution: { code: e.fixmedinsCode, level: e.level ?? 1 },
        now,
      });
      for (const w of found) {
        const key = `${b.mdtrtId}|${w.ruleCode}`;
        if (seen.has(key)) continue;
        seen.add(key);
        await deps.raise(
          tx,
          {
            ruleCode: w.ruleCode,
            fixmedinsCode: e.fixmedinsCode,
            mdtrtId: b.mdtrtId,
            psnNo: e.psnNo,
            amountFen: w.amountFen,
            finding: `事中审核：${w.note}`,
          },
          cal,
        );
        raised++;
      }
    }
    const last = batch[batch.length - 1]!;
    await repo.moveCursor(tx, last.createdAt, last.setlId);
    return { audited: batch.length, raised };
  });
}
