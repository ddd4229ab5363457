// 事前/事中 analysis (the HIS's 3101/3102): the ordered items of each encounter checked with the
// line rules enabled for the stage, one warning per encounter and rule with the items behind it,
// kept so that 3103 can record what the doctor decided.
import type { Db, RidingWrite, Tx } from '../../db/types.ts';
import { lineHits } from '../../domain/supervision/line-rules.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import {
  type AnalysisFacts,
  analysisFacts,
  decideWarnings,
  type FactsAsk,
  takeWarningSerials,
  warningsWrite,
} from './analysis-repo.ts';
import { ensureRules } from './service.ts';

export interface AnalysisOrder {
  rxId: string;
  itemCode: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
  date: string;
}

export interface AnalysisRequest {
  stage: 'before' | 'during';
  taskId: string | null;
  /** only these rules, when given */
  ruleCodes: string[] | null;
  patients: {
    patnId: string;
    gender: '1' | '2';
    birthDate: string;
    encounters: {
      mdtrtId: string | null;
      insutype: string;
      inpatient: boolean;
      beginDate: string;
      endDate: string | null;
      diagnoses: string[];
      orders: AnalysisOrder[];
    }[];
  }[];
}

export interface Warning {
  jrId: string;
  ruleCode: string;
  ruleName: string;
  resultType: string;
  severity: number;
  note: string;
  patnId: string;
  mdtrtId: string | null;
  amountFen: number;
  items: { rxId: string; amountFen: number }[];
}

/** The warnings of the rules enabled for the stage, without recording them. */
/** What the analysis of a request reads (analysisFactsRead), for a caller that reads it ahead. */
export function factsAsk(r: AnalysisRequest): FactsAsk {
  return {
    codes: r.patients.flatMap((p) => p.encounters.flatMap((e) => e.orders.map((o) => o.itemCode))),
    on: r.patients[0]?.encounters[0]?.beginDate ?? '1900-01-01',
    patients: r.patients.map((p) => p.patnId),
    stage: r.stage,
  };
}

export async function findWarnings(
  q: Tx | Db,
  r: AnalysisRequest,
  ctx: { institution: { code: string; level: number }; now: Date },
  /** the facts read ahead (riding in the HIS gateway's statement), else read here */
  read?: AnalysisFacts,
): Promise<Omit<Warning, 'jrId'>[]> {
  // one round trip at most: this is on the HIS's charging path
  const ask = factsAsk(r);
  const codes = ask.codes;
  let facts = read ?? (await analysisFacts(q, ask));
  // the library is seeded on first use (not on every call)
  if (codes.length > 0 && facts.rules.length === 0) {
    if ('tx' in q) await q.tx((tx) => ensureRules(tx, ctx.now));
    else await ensureRules(q, ctx.now);
    facts = await analysisFacts(q, ask);
  }
  const { items, deaths } = facts;
  const rules = facts.rules.filter((x) => !r.ruleCodes || r.ruleCodes.includes(x.code));
  const enabled = new Set(rules.map((x) => x.template));
  const byTemplate = new Map(rules.map((x) => [x.template, x]));
  const found: Omit<Warning, 'jrId'>[] = [];
  for (const p of r.patients) {
    const death = deaths.get(p.patnId) ?? null;
    for (const e of p.encounters) {
      const grouped = new Map<string, Omit<Warning, 'jrId'>>();
      for (const o of e.orders) {
        const item = items.get(o.itemCode);
        const hits = lineHits(
          o,
          item ?? null,
          { ...e, institutionLevel: ctx.institution.level },
          { gender: p.gender, birthDate: p.birthDate, deathDate: death },
          item?.knowledge ?? {},
          enabled,
        );
        for (const h of hits) {
          const rule = byTemplate.get(h.rule)!;
          const w = grouped.get(rule.code) ?? {
            ruleCode: rule.code,
            ruleName: rule.name,
            resultType: rule.resultType,
            severity: rule.severity,
            note: h.note,
            patnId: p.patnId,
            mdtrtId: e.mdtrtId,
            amountFen: 0,
            items: [],
          };
          w.amountFen += h.amountFen;
          w.items.push({ rxId: o.rxId, amountFen: h.amountFen });
          grouped.set(rule.code, w);
        }
      }
      found.push(...grouped.values());
    }
  }
  return found;
}

/** Serials taken from each database's sequence ahead of use, a block at a time. */
const serials = new WeakMap<Db, number[]>();
const SERIAL_BLOCK = 200;

async function warningSerials(db: Db, n: number): Promise<number[]> {
  if ((serials.get(db)?.length ?? 0) < n) {
    const block = await takeWarningSerials(db, Math.max(n, SERIAL_BLOCK));
    // read the free list again after the wait: a concurrent call may have taken from it
    serials.set(db, [...(serials.get(db) ?? []), ...block]);
  }
  const free = serials.get(db)!;
  serials.set(db, free.slice(n));
  return free.slice(0, n);
}

/**
 * 3101/3102: the warnings, each with its jr_id ('JR' + time + a serial of the sequence), and their
 * record as a write to ride in the statement that stores the HIS message (one round trip: this is
 * on the HIS's charging path). Reads only; the sequence hands out serials in blocks.
 */
export async function analyse(
  db: Db,
  r: AnalysisRequest,
  ctx: { institution: { code: string; level: number }; now: Date; stamp: string },
  read?: AnalysisFacts,
): Promise<{ warnings: Warning[]; record: RidingWrite }> {
  const found = await findWarnings(db, r, ctx, read);
  const ids = (await warningSerials(db, found.length)).map(
    (n) => `JR${ctx.stamp}${String(n).padStart(12, '0')}`,
  );
  const warnings = found.map((w, i) => ({ ...w, jrId: ids[i]! }));
  const record = warningsWrite(
    warnings.map((w) => ({
      jrId: w.jrId,
      taskId: r.taskId,
      stage: r.stage,
      fixmedinsCode: ctx.institution.code,
      patnId: w.patnId,
      mdtrtId: w.mdtrtId,
      ruleCode: w.ruleCode,
      amountFen: w.amountFen,
      items: w.items.map((i) => i.rxId),
    })),
    ctx.now,
  );
  return { warnings, record };
}

/** 3103: the doctor continued (with a reason) or went back to change the order. */
export async function recordDecisions(
  tx: Tx,
  institution: string,
  ds: { jrId: string; decision: 'continue' | 'revise'; reason: string | null }[],
  now: Date,
): Promise<void> {
  for (const d of ds) {
    if (d.decision === 'continue' && !d.reason) {
      throw badRequest('SUPERVISION_REASON_REQUIRED', `继续执行医嘱须填写处理原因（${d.jrId}）`);
    }
  }
  const done = new Set(await decideWarnings(tx, institution, ds, now));
  const missing = ds.filter((d) => !done.has(d.jrId));
  if (missing.length > 0) {
    throw badRequest(
      'SUPERVISION_WARNING_UNKNOWN',
      `违规标识 ${missing.map((m) => m.jrId).join('、')} 不存在或不属于本机构`,
    );
  }
}
