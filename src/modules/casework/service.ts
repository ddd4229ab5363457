// Violation cases: open from suspects (认定违规 or 移交立案, of one institution, not in another case),
// a 12345 ticket or a complaint; move on the kernel (审理 never by the investigator); record the
// outcomes of the 五个一批 while deciding (a fine's multiple must lie in the article's range), each
// money outcome a ledger entry; score points to responsible staff.
import type { Queryable, Tx } from '../../db/types.ts';
import { fineFor } from '../../domain/casework/articles.ts';
import { isLedgerKind, OUTCOME_KINDS } from '../../domain/casework/codes.ts';
import { CASE_MACHINE, type CaseAction } from '../../domain/casework/machine.ts';
import { chinaDay, chinaYear } from '../../domain/shared/calendar.ts';
import { badRequest, conflict, notFound } from '../../domain/shared/errors.ts';
import type { WorkCalendar } from '../../domain/shared/working-days.ts';
import { availableActions } from '../../domain/workflow/machine.ts';
import type { Staff } from '../accounts/index.ts';
import { audit } from '../audit/index.ts';
import { workCalendarFor } from '../calendar/index.ts';
import { assignPoints, pointsByInstitution, pointsOfCase } from '../medstaff/index.ts';
import { findSuspect } from '../supervision/index.ts';
import { type Actor, getCase, openCase as openWorkflowCase, transition } from '../workflow/index.ts';
import type { ActionBody, InstitutionFigures, OpenBody, OutcomeBody } from './contract.ts';
import * as repo from './repo.ts';

export interface CaseContext {
  staff: Staff;
  permissions: ReadonlySet<string>;
  now: Date;
}

const actorOf = (c: CaseContext): Actor => ({
  id: c.staff.id,
  name: c.staff.username,
  permissions: c.permissions,
});

async function calendarAt(q: Queryable, now: Date): Promise<WorkCalendar> {
  const y = chinaYear(now);
  return workCalendarFor(q, y, y + 1);
}

/** The suspects a case is opened from, checked; their confirmed amounts are the default loss. */
async function suspectsOf(q: Queryable, ids: number[], institution: string): Promise<number> {
  const unique = [...new Set(ids)];
  let loss = 0;
  for (const id of unique) {
    const s = await findSuspect(q, id);
    if (!s) throw notFound('CASE_SUSPECT_NOT_FOUND', `疑点 ${id} 不存在`, { field: 'suspectIds' });
    if (s.state !== 'violation' && s.state !== 'referred')
      throw conflict('CASE_SUSPECT_NOT_DECIDED', `疑点 ${id} 尚未认定违规或移交立案，不能立案`, {
        field: 'suspectIds',
      });
    if (s.fixmedinsCode !== institution)
      throw badRequest('CASE_SUSPECT_OTHER_INSTITUTION', `疑点 ${id} 不属于所选定点机构`, {
        field: 'suspectIds',
      });
    loss += s.confirmedFen ?? 0;
  }
  const held = await repo.casesHoldingSuspects(q, unique);
  if (held.length)
    throw conflict('CASE_SUSPECT_TAKEN', `疑点 ${held[0].suspectId} 已在案件 ${held[0].id} 中立案`, {
      field: 'suspectIds',
    });
  return loss;
}

export async function openCase(tx: Tx, b: OpenBody, c: CaseContext): Promise<number> {
  if (!(await repo.institutionName(tx, b.fixmedinsCode)))
    throw badRequest('CASE_INSTITUTION_UNKNOWN', `定点机构 ${b.fixmedinsCode} 不存在`, {
      field: 'fixmedinsCode',
    });
  const suspectIds = b.source === 'suspect' ? [...new Set(b.suspectIds)] : [];
  const suspectLoss = suspectIds.length ? await suspectsOf(tx, suspectIds, b.fixmedinsCode) : 0;
  const caseId = await openWorkflowCase(tx, 'casework', CASE_MACHINE, 'file', b.fixmedinsCode, actorOf(c), {
    now: c.now,
    calendar: await calendarAt(tx, c.now),
  });
  const id = await repo.insertCase(
    tx,
    {
      caseId,
      fixmedinsCode: b.fixmedinsCode,
      source: b.source,
      suspectIds,
      ticketNo: b.source === 'ticket' ? (b.ticketNo ?? null) : null,
      complaint: b.source === 'complaint' ? (b.complaint ?? null) : null,
      violationType: b.violationType,
      article: b.article as repo.CaseRow['article'],
      lossFen: b.lossFen ?? suspectLoss,
      facts: b.facts,
    },
    c.staff.id,
    c.now,
  );
  await audit(tx, actorOf(c), 'casework.open', 'casework_case', id, null, { ...b, caseId }, c.now);
  return id;
}

async function found(q: Queryable, id: number) {
  const k = await repo.findCase(q, id);
  if (!k) throw notFound('CASE_NOT_FOUND', `案件 ${id} 不存在`);
  return k;
}

export async function act(tx: Tx, id: number, b: ActionBody, c: CaseContext) {
  const k = await found(tx, id);
  if (b.action === 'decide' && (await repo.outcomes(tx, id)).length === 0)
    throw conflict(
      'CASE_NO_OUTCOME',
      '作出决定前须至少登记一项处理结果（约谈、追回、罚款、拒付、扣除保证金等）',
    );
  await transition(tx, CASE_MACHINE, k.caseId, b.action, actorOf(c), {
    now: c.now,
    calendar: await calendarAt(tx, c.now),
    reason: b.reason ?? null,
  });
  if (b.action === 'submit' && (b.facts || (b.lossFen !== null && b.lossFen !== undefined)))
    await repo.updateFacts(tx, id, b.facts || null, b.lossFen ?? null);
  return found(tx, id);
}

export async function addOutcome(tx: Tx, id: number, b: OutcomeBody, c: CaseContext) {
  const k = await found(tx, id);
  if (k.state !== 'decision' && !(k.state === 'execution' && b.kind === 'self_refund'))
    throw conflict(
      'CASE_OUTCOME_STATE',
      `案件${k.state === 'execution' ? '已作出决定' : '尚未审理'}，不能登记“${OUTCOME_KINDS[b.kind]}”`,
    );
  let amountFen = b.amountFen ?? 0;
  let multipleBp: number | null = null;
  if (b.kind === 'fine') {
    const f = fineFor(k.article, k.lossFen, { multipleBp: b.multipleBp, amountFen: b.amountFen });
    amountFen = f.fineFen;
    multipleBp = f.multipleBp;
  } else if (isLedgerKind(b.kind) && amountFen <= 0)
    throw badRequest('CASE_AMOUNT_REQUIRED', `“${OUTCOME_KINDS[b.kind]}”须填写金额（大于 0）`, {
      field: 'amountFen',
    });
  if (b.kind === 'referral' && !b.referralTo)
    throw badRequest('CASE_REFERRAL_TO_REQUIRED', '移送须选择移送机关（纪委监委、卫生健康部门、公安机关）', {
      field: 'referralTo',
    });
  const outcome = {
    kind: b.kind,
    amountFen: isLedgerKind(b.kind) ? amountFen : 0,
    multipleBp,
    referralTo: b.kind === 'referral' ? (b.referralTo ?? null) : null,
    note: b.note,
  };
  const outcomeId = await repo.insertOutcome(tx, id, outcome, c.staff.id, c.now);
  const period = b.period ?? chinaDay(c.now).slice(0, 7);
  if (isLedgerKind(b.kind))
    await repo.insertLedger(
      tx,
      {
        fixmedinsCode: k.fixmedinsCode,
        caseworkId: id,
        outcomeId,
        kind: b.kind,
        amountFen: outcome.amountFen,
        period,
      },
      c.now,
    );
  await audit(
    tx,
    actorOf(c),
    'casework.outcome',
    'casework_case',
    id,
    null,
    { outcomeId, ...outcome, period },
    c.now,
  );
  return { id: outcomeId, ...outcome, period: isLedgerKind(b.kind) ? period : null };
}

export async function scorePoints(
  tx: Tx,
  id: number,
  b: { staffId: number; band: 'agreement' | 'fine' | 'serious' | 'fraud'; points: number; reason: string },
  c: CaseContext,
) {
  const k = await found(tx, id);
  if (k.state !== 'decision' && k.state !== 'execution')
    throw conflict('CASE_POINTS_STATE', '案件审理通过后方可对责任人员记分');
  return assignPoints(
    tx,
    {
      ...b,
      caseworkId: id,
      fixmedinsCode: k.fixmedinsCode,
      on: chinaDay(c.now),
      reason: b.reason || `案件 ${id}`,
    },
    { id: c.staff.id, name: c.staff.username },
    c.now,
  );
}

export async function caseDetail(q: Queryable, id: number, c: CaseContext) {
  const k = await found(q, id);
  const w = await getCase<typeof k.state, CaseAction>(q, k.caseId);
  const history = w?.history ?? [];
  return {
    case: k,
    history,
    actions: availableActions(CASE_MACHINE, { state: k.state, history }, actorOf(c)),
    outcomes: await repo.outcomes(q, id),
    points: await pointsOfCase(q, id),
  };
}

export { found as findCase };

/** Per institution, for the institution view: cases opened, the money ledger and its staff's points. */
export async function institutionFigures(
  q: Queryable,
  from: string,
  to: string,
): Promise<InstitutionFigures[]> {
  const byCode = new Map<string, InstitutionFigures>();
  const of = (code: string) => {
    const f = byCode.get(code) ?? { fixmedinsCode: code, cases: 0, ledgerFen: 0, points: 0 };
    byCode.set(code, f);
    return f;
  };
  for (const r of await repo.institutionFigures(q, from, to)) Object.assign(of(r.fixmedinsCode), r);
  for (const r of await pointsByInstitution(q, from, to)) of(r.fixmedinsCode).points = r.points;
  return [...byCode.values()].sort((a, b) => (a.fixmedinsCode < b.fixmedinsCode ? -1 : 1));
}
