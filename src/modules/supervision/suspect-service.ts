// Suspects (疑点) and monthly record sampling on the workflow kernel. A suspect is raised from a scan
// hit or a sampled record's finding, worked by auditors (初审, then 复审 by someone else), answered
// by the institution through its own login, verified and decided. An institution login sees and
// touches only its own suspects; everything else is refused as if the suspect did not exist.
import { randomInt } from 'node:crypto';
import type { Db, Queryable, Tx } from '../../db/types.ts';
import { chinaDay, chinaYear } from '../../domain/shared/calendar.ts';
import { badRequest, conflict, forbidden, notFound } from '../../domain/shared/errors.ts';
import type { WorkCalendar } from '../../domain/shared/working-days.ts';
import {
  drawSample,
  type SampleMethod,
  type SampleResult,
  sampleSize,
} from '../../domain/supervision/sampling.ts';
import {
  SUSPECT_MACHINE,
  type SuspectAction,
  type SuspectSource,
} from '../../domain/supervision/suspect-machine.ts';
import { availableActions } from '../../domain/workflow/machine.ts';
import type { Staff } from '../accounts/index.ts';
import { audit } from '../audit/index.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { type Actor, getCase, openCase, SYSTEM_WORKFLOW_ACTOR_ID, transition } from '../workflow/index.ts';
import { auditSettlements } from './during.ts';
import { findRun } from './repo.ts';
import { refreshChangedVisits } from './service.ts';
import * as repo from './suspect-repo.ts';
import { fenToYuan } from '../../domain/shared/money.ts';

export interface SuspectContext {
  staff: Staff;
  permissions: ReadonlySet<string>;
  now: Date;
}

const actorOf = (c: SuspectContext): Actor => ({
  id: c.staff.id,
  name: c.staff.username,
  permissions: c.permissions,
});

/** The institution an institution login is confined to; null for the bureau's staff. */
export function scopeOf(staff: Staff): string | null {
  if (!staff.roles.includes('institution')) return null;
  if (!staff.fixmedinsCode) throw forbidden('INSTITUTION_USER_INVALID', '该机构账号未绑定定点机构');
  return staff.fixmedinsCode;
}

async function calendarAt(q: Queryable, now: Date): Promise<WorkCalendar> {
  const y = chinaYear(now);
  return workCalendarFor(q, y, y + 1);
}

async function raise(
  tx: Tx,
  c: SuspectContext,
  cal: WorkCalendar,
  s: Omit<repo.NewSuspect, 'caseId'>,
): Promise<number> {
  const caseId = await openCase(tx, 'supervision', SUSPECT_MACHINE, 'raise', s.mdtrtId, actorOf(c), {
    now: c.now,
    calendar: cal,
  });
  return repo.insertSuspect(tx, { ...s, caseId }, c.now);
}

/** Hits of a run become suspects (each hit once); at most `limit` per call. */
export async function raiseFromRun(
  tx: Tx,
  runId: number,
  f: { rule: string | null; institution: string | null },
  c: SuspectContext,
  limit = 2000,
): Promise<{ raised: number }> {
  // a run that does not exist is refused as the run's other routes refuse it, not raised from as empty
  if (!(await findRun(tx, runId))) throw notFound('SUPERVISION_RUN_NOT_FOUND', `筛查批次 ${runId} 不存在`);
  const hits = await repo.hitsToRaise(tx, runId, f.rule, f.institution, limit);
  if (hits.length === 0) return { raised: 0 };
  const cal = await calendarAt(tx, c.now);
  for (const h of hits) {
    await raise(tx, c, cal, {
      source: 'scan',
      hitId: h.id,
      sampleRecordId: null,
      ruleCode: h.ruleCode,
      fixmedinsCode: h.fixmedinsCode,
      mdtrtId: h.mdtrtId,
      psnNo: h.psnNo,
      amountFen: h.amountFen,
      finding: null,
    });
  }
  return { raised: hits.length };
}

async function visible(q: Queryable, id: number, c: SuspectContext) {
  const s = await repo.findSuspect(q, id);
  const scope = scopeOf(c.staff);
  if (!s || (scope !== null && s.fixmedinsCode !== scope))
    throw notFound('SUSPECT_NOT_FOUND', `疑点 ${id} 不存在`);
  return s;
}

export async function listSuspects(
  q: Queryable,
  f: repo.SuspectFilter,
  c: SuspectContext,
  limit: number,
  offset: number,
) {
  const scope = scopeOf(c.staff);
  return repo.listSuspects(q, scope === null ? f : { ...f, institution: scope }, limit, offset);
}

export async function summary(q: Queryable, institution: string | null, c: SuspectContext) {
  return repo.suspectSummary(q, scopeOf(c.staff) ?? institution, chinaDay(c.now));
}

/** A suspect with its history, the caller's possible actions, the visit's fee lines and the evidence. */
export async function suspectDetail(q: Queryable, id: number, c: SuspectContext) {
  const s = await visible(q, id, c);
  const k = await getCase<string, SuspectAction>(q, s.caseId);
  const evidence = s.hitId === null ? null : await repo.hitEvidence(q, s.hitId);
  const visit = s.mdtrtId === null ? { visit: null, lines: [] } : await repo.visitWithLines(q, s.mdtrtId);
  const actions = k
    ? availableActions(SUSPECT_MACHINE, { state: s.state, history: k.history as never }, actorOf(c))
    : [];
  return {
    suspect: s,
    history: k?.history ?? [],
    actions,
    evidence,
    visit: visit.visit,
    lines: visit.lines,
  };
}

export interface SuspectActionInput {
  action: SuspectAction;
  reason?: string | null;
  /** 初审's statement of the problem */
  finding?: string | null;
  /** 认定违规: the amount confirmed as a violation (fen) */
  confirmedFen?: number | null;
}

async function act(
  tx: Tx,
  s: repo.SuspectRow,
  body: SuspectActionInput,
  c: SuspectContext,
  cal: WorkCalendar,
) {
  if (body.action === 'raise') throw badRequest('SUSPECT_ACTION_INVALID', '不能对已有疑点再次生成疑点');
  if (body.action === 'first' && !body.finding?.trim())
    throw badRequest('SUSPECT_FINDING_REQUIRED', '初审须填写审核意见（发现的问题或无问题的理由）', {
      field: 'finding',
    });
  if (body.action === 'decide_violation') {
    const fen = body.confirmedFen;
    if (fen === null || fen === undefined || !Number.isSafeInteger(fen) || fen <= 0)
      throw badRequest('SUSPECT_AMOUNT_REQUIRED', '认定违规须填写违规金额（大于 0）', {
        field: 'confirmedFen',
      });
    if (s.amountFen > 0 && fen > s.amountFen)
      throw badRequest('SUSPECT_AMOUNT_TOO_HIGH', `认定金额不能超过疑点金额 ${fenToYuan(s.amountFen)} 元`, {
        field: 'confirmedFen',
      });
  }
  await transition(tx, SUSPECT_MACHINE, s.caseId, body.action, actorOf(c), {
    now: c.now,
    calendar: cal,
    reason: body.reason ?? null,
  });
  await repo.updateSuspectFacts(tx, s.id, {
    finding: body.action === 'first' ? body.finding!.trim() : null,
    appeal: body.action === 'appeal' ? (body.reason ?? '').trim() : null,
    confirmedFen: body.action === 'decide_violation' ? body.confirmedFen! : null,
  });
}

export async function actOnSuspect(tx: Tx, id: number, body: SuspectActionInput, c: SuspectContext) {
  const s = await visible(tx, id, c);
  await act(tx, s, body, c, await calendarAt(tx, c.now));
  return visible(tx, id, c);
}

/**
 * The same action on many suspects (a rule's obvious hits): all or nothing — the first refusal
 * names the suspect and nothing is written.
 */
export async function bulkAct(tx: Tx, ids: number[], body: SuspectActionInput, c: SuspectContext) {
  const unique = [...new Set(ids)];
  const cal = await calendarAt(tx, c.now);
  for (const id of unique) {
    const s = await visible(tx, id, c);
    try {
      await act(tx, s, body, c, cal);
    } catch (err) {
      if (err instanceof Error && 'code' in err) {
        const e = err as Error & { code: string };
        throw conflict('SUSPECT_BULK_REFUSED', `疑点 ${id} 不能批量处理：${e.message}（本批均未处理）`, {
          id,
          cause: e.code,
        });
      }
      throw err;
    }
  }
  return { done: unique.length };
}

// ---- monthly record sampling ----

export interface DrawInput {
  period: string;
  institutions?: string[] | null;
  shareBp: number;
  method: SampleMethod;
  seed?: number | null;
  reviewerIds: number[];
}

function monthRange(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${period}-01`, to: `${period}-${String(last).padStart(2, '0')}` };
}

/**
 * Draw each institution's sample of the month's inpatient settlements, reviewers assigned in turn.
 * A month already drawn for an institution is not drawn again (the draw is the record).
 */
export async function drawSamples(tx: Tx, input: DrawInput, reviewers: Set<number>, c: SuspectContext) {
  if (input.period >= chinaDay(c.now).slice(0, 7))
    throw badRequest('SAMPLE_PERIOD_OPEN', '只能抽查已结束的月份', { field: 'period' });
  for (const r of input.reviewerIds)
    if (!reviewers.has(r))
      throw badRequest('SAMPLE_REVIEWER_INVALID', `账号 ${r} 没有病历抽查权限`, { field: 'reviewerIds' });
  // an unknown code would otherwise reach the sample's foreign key as an internal error
  const [unknown] = input.institutions?.length ? await repo.unknownInstitutions(tx, input.institutions) : [];
  if (unknown !== undefined)
    throw badRequest('SAMPLE_INSTITUTION_UNKNOWN', `定点机构 ${unknown} 不存在`, { field: 'institutions' });
  const { from, to } = monthRange(input.period);
  const codes = input.institutions?.length
    ? input.institutions
    : await repo.institutionsWithStays(tx, from, to);
  const seed = input.seed ?? randomInt(1, 2 ** 31 - 1);
  const drawn: { sampleId: number; fixmedinsCode: string; population: number; size: number }[] = [];
  const skipped: string[] = [];
  let turn = 0;
  for (const code of codes) {
    const candidates = await repo.sampleCandidates(tx, code, from, to);
    const ids = drawSample(candidates, { shareBp: input.shareBp, method: input.method, seed });
    const size = ids.length;
    const sampleId = await repo.insertSample(
      tx,
      {
        period: input.period,
        fixmedinsCode: code,
        method: input.method,
        shareBp: input.shareBp,
        seed,
        population: candidates.length,
        size,
        createdBy: c.staff.username,
      },
      c.now,
    );
    if (sampleId === null) {
      skipped.push(code);
      continue;
    }
    const byId = new Map(candidates.map((x) => [x.setlId, x]));
    await repo.insertSampleRecords(
      tx,
      sampleId,
      ids.map((id) => ({
        setlId: id,
        mdtrtId: byId.get(id)!.mdtrtId,
        amountFen: byId.get(id)!.amountFen,
        reviewerId: input.reviewerIds.length ? input.reviewerIds[turn++ % input.reviewerIds.length] : null,
      })),
    );
    drawn.push({ sampleId, fixmedinsCode: code, population: candidates.length, size });
  }
  await audit(tx, actorOf(c), 'supervision.sample_draw', 'supervision_sample', input.period, null, {
    ...input,
    seed,
    drawn,
    skipped,
  });
  return { seed, drawn, skipped, expectedMinimum: drawn.map((d) => sampleSize(d.population, input.shareBp)) };
}

export interface ReviewInput {
  result: SampleResult;
  finding?: string | null;
  atStakeFen?: number | null;
}

/** The assigned reviewer records the review; a finding becomes a suspect in the same transaction. */
export async function reviewRecord(tx: Tx, id: number, r: ReviewInput, c: SuspectContext) {
  const rec = await repo.lockSampleRecord(tx, id);
  if (!rec) throw notFound('SAMPLE_RECORD_NOT_FOUND', `抽查记录 ${id} 不存在`);
  if (rec.result !== null) throw conflict('SAMPLE_RECORD_REVIEWED', '该病历已审查，不能重复审查');
  if (rec.reviewerId !== null && rec.reviewerId !== c.staff.id)
    throw forbidden('SAMPLE_NOT_ASSIGNED', '该病历已分派给其他审查人员');
  if (r.result === 'finding') {
    if (!r.finding?.trim())
      throw badRequest('SAMPLE_FINDING_REQUIRED', '发现问题须填写问题描述', { field: 'finding' });
    if (!Number.isSafeInteger(r.atStakeFen) || (r.atStakeFen ?? 0) < 0)
      throw badRequest('SAMPLE_AMOUNT_INVALID', '涉及金额须为不小于 0 的金额', { field: 'atStakeFen' });
  }
  const finding = r.result === 'finding' ? r.finding!.trim() : r.finding?.trim() || null;
  const atStake = r.result === 'finding' ? r.atStakeFen! : null;
  await repo.recordReview(tx, id, { result: r.result, finding, atStakeFen: atStake }, c.now);
  let suspectId: number | null = null;
  if (r.result === 'finding') {
    suspectId = await raise(tx, c, await calendarAt(tx, c.now), {
      source: 'sample' satisfies SuspectSource,
      hitId: null,
      sampleRecordId: id,
      ruleCode: null,
      fixmedinsCode: rec.fixmedinsCode,
      mdtrtId: rec.mdtrtId,
      psnNo: rec.psnNo,
      amountFen: atStake ?? 0,
      finding,
    });
  }
  await audit(tx, actorOf(c), 'supervision.sample_review', 'supervision_sample_record', id, null, {
    result: r.result,
    finding,
    atStakeFen: atStake,
    suspectId,
  });
  return { suspectId };
}

/** A sample's records with their reviews. */
export const recordsOfSample = repo.sampleRecords;

const PAYMENT_AUDIT: SuspectContext['permissions'] = new Set(['supervision.suspect.review']);

/** 事中 payment audit of the settlements committed since the last run (see during.ts). */
export function auditNewSettlements(db: Db, now: Date, o: { limit?: number; lagSeconds?: number } = {}) {
  const system: Actor = { id: SYSTEM_WORKFLOW_ACTOR_ID, name: 'system', permissions: PAYMENT_AUDIT };
  return auditSettlements(
    db,
    now,
    {
      calendar: (q) => calendarAt(q, now),
      raise: async (tx, s, cal) => {
        const caseId = await openCase(tx, 'supervision', SUSPECT_MACHINE, 'raise', s.mdtrtId, system, {
          now,
          calendar: cal,
        });
        await repo.insertSuspect(
          tx,
          { ...s, caseId, source: 'realtime', hitId: null, sampleRecordId: null },
          now,
        );
      },
    },
    o,
  );
}

const AUDIT_EVERY_MS = 30_000;

/** The payment audit every half minute while the server runs. */
export function startPaymentAuditJob(db: Db, now: () => Date, log: (e: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(async () => {
    if (running) return;
    running = true;
    try {
      await auditNewSettlements(db, now());
    } catch (e) {
      log(e);
    }
    try {
      await refreshChangedVisits(db, now());
    } catch (e) {
      log(e);
    } finally {
      running = false;
    }
  }, AUDIT_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** The institution view: indicators against the rules' thresholds, suspects and amounts. */
export async function institutionView(q: Queryable, from: string, to: string, c: SuspectContext) {
  const rows = await repo.institutionIndicators(q, from, to, scopeOf(c.staff));
  const rules = await repo.indicatorThresholds(q);
  return { thresholds: rules, items: rows };
}
