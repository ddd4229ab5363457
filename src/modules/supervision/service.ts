// Supervision use cases: the rule library (defaults from the templates, changes with history),
// the knowledge points (xlsx import, all or nothing), and the 事后 scan run in three stages —
// lines and visits (one pass over the fee lines), persons, institutions — each stage's hits
// written with its progress, so a run that stopped resumes at the stage it was in.
import { excel, yuanCell } from '../../api/excel.ts';
import type { Db, Queryable, Tx } from '../../db/types.ts';
import {
  KNOWLEDGE_TEMPLATES,
  type KnowledgeInput,
  knowledgeRow,
  sheetTemplate,
} from '../../domain/supervision/knowledge.ts';
import { TEMPLATES, templateOf } from '../../domain/supervision/templates.ts';
import { badRequest, notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import { forgetBlockingRules } from './during.ts';
import type { KnowledgeEndBody } from './contract.ts';
import * as repo from './repo.ts';
import {
  INSTITUTION_RULES,
  LINE_RULES,
  PERSON_RULES,
  type ScanRule,
  scanInstitutions,
  scanLinesAndVisits,
  anyVisitChanged,
  refreshVisits,
  scanPersons,
  VISIT_RULES,
} from './scan-queries.ts';
import { chinaDay } from '../../domain/shared/calendar.ts';

export async function ensureRules(q: Tx, now: Date): Promise<void> {
  await repo.seedRules(q, TEMPLATES, now, 'system');
}

export async function listRules(q: Tx, now: Date) {
  await ensureRules(q, now);
  return repo.listRules(q);
}

export interface RuleChange {
  enabled: boolean;
  severity: 1 | 2 | 3;
  params: Record<string, number | string | string[]>;
  reason: string;
  blocks?: boolean;
}

/** A rule's switch, severity or parameters: the template's parameter names and types only. */
export async function changeRule(tx: Tx, code: string, c: RuleChange, actor: Actor, now: Date) {
  await ensureRules(tx, now);
  const before = await repo.lockRule(tx, code);
  if (!before) throw notFound('SUPERVISION_RULE_NOT_FOUND', `规则 ${code} 不存在`);
  const t = templateOf(before.template);
  for (const [k, v] of Object.entries(c.params)) {
    const d = t?.params[k];
    if (d === undefined) throw badRequest('SUPERVISION_PARAM_UNKNOWN', `规则 ${before.name} 没有参数 ${k}`);
    const ok = Array.isArray(d)
      ? Array.isArray(v)
      : typeof d === 'number'
        ? typeof v === 'number' && v >= 0
        : typeof v === 'string';
    if (!ok) throw badRequest('SUPERVISION_PARAM_TYPE', `规则 ${before.name} 的参数 ${k} 类型不正确`);
  }
  const blocks = c.blocks ?? before.blocks;
  if (
    blocks &&
    !(before.resultType === 'certain' && before.stages.includes('during') && before.grain === 'line')
  )
    throw badRequest(
      'SUPERVISION_BLOCK_UNSUPPORTED',
      `规则 ${before.name} 不是事中明确违规的明细规则，不能设为拦截`,
    );
  const after = {
    enabled: c.enabled,
    severity: c.severity,
    params: { ...before.params, ...c.params },
    blocks,
  };
  await repo.updateRule(tx, before, after, now, actor.name, c.reason);
  forgetBlockingRules();
  await audit(
    tx,
    actor,
    'supervision.rule_change',
    'supervision_rule',
    code,
    before,
    { ...after, reason: c.reason },
    now,
  );
}

/** A 知识库 workbook: one sheet per template; every row checked before anything is written. */
export async function importKnowledge(tx: Tx, file: Buffer, actor: Actor, now: Date): Promise<number> {
  const wb = new (await excel()).Workbook();
  try {
    await wb.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw badRequest('SUPERVISION_FILE_UNREADABLE', '无法读取该文件：请上传 .xlsx 格式的知识库');
  }
  const rows: KnowledgeInput[] = [];
  for (const ws of wb.worksheets) {
    const template = sheetTemplate(ws.name);
    if (!template) {
      throw badRequest(
        'SUPERVISION_SHEET_UNKNOWN',
        `工作表“${ws.name}”不是知识库模板；可用的工作表：${Object.values(KNOWLEDGE_TEMPLATES)
          .map((t) => t.sheet)
          .join('、')}`,
      );
    }
    ws.eachRow((row, n) => {
      if (n === 1) return; // header
      const cells = [1, 2, 3, 4, 5].map((i) => {
        const v = row.getCell(i).value;
        if (v === null || v === undefined) return null;
        if (v instanceof Date) return v.toISOString().slice(0, 10);
        return String(typeof v === 'object' && 'text' in v ? v.text : v);
      });
      if (cells.every((c) => c === null || c === '')) return;
      rows.push(knowledgeRow(template, cells, `${ws.name} 第 ${n} 行`));
    });
  }
  if (rows.length === 0) throw badRequest('SUPERVISION_FILE_EMPTY', '知识库文件中没有数据行');
  return addKnowledge(tx, rows, actor, now);
}

const STAGES: { rules: string[]; run: typeof scanLinesAndVisits }[] = [
  { rules: [...LINE_RULES, ...VISIT_RULES], run: scanLinesAndVisits },
  { rules: PERSON_RULES, run: scanPersons },
  { rules: INSTITUTION_RULES, run: scanInstitutions },
];

/** A new run over the visits that began from…to, with the rules enabled now. */
export async function createRun(tx: Tx, range: { from: string; to: string }, actor: Actor, now: Date) {
  if (range.to < range.from) throw badRequest('SUPERVISION_RANGE_INVALID', '结束日期不能早于开始日期');
  const rules = await afterRules(tx, now);
  if (rules.length === 0) throw badRequest('SUPERVISION_NO_RULES', '没有启用的事后规则');
  const run = await repo.insertRun(tx, {
    ...range,
    rules: rules.map((r) => r.code),
    chunks: STAGES.length,
    by: actor.name,
    at: now,
  });
  await audit(
    tx,
    actor,
    'supervision.run_start',
    'supervision_run',
    String(run.id),
    null,
    { ...range, rules: run.rules },
    now,
  );
  return run;
}

/** The rules a scan started now would run: enabled, of the 事后 stage. */
async function afterRules(q: Tx, now: Date): Promise<ScanRule[]> {
  return (await listRules(q, now))
    .filter((r) => r.enabled && r.stages.includes('after'))
    .map((r) => ({ code: r.code, template: r.template, params: r.params }));
}

/**
 * 事中: the stored line and visit results of the visits whose rows changed (lines uploaded, a
 * settlement, a death recorded), a batch a transaction, until none is left; the 事后 scan then reads
 * them instead of the lines. Returns the visits evaluated.
 */
export async function refreshChangedVisits(db: Db, now: Date, batch = 2_000): Promise<number> {
  let total = 0;
  // nothing changed (the common tick): no rules, basis or transaction
  if (!(await anyVisitChanged(db))) return 0;
  for (;;) {
    const done = await db.tx(async (tx) =>
      refreshVisits(tx, { changed: batch }, await afterRules(tx, now), chinaDay(now), now),
    );
    total += done.checked;
    if (done.checked < batch) return total;
  }
}

/** Run (or resume) a scan: each stage in its own transaction, from the first not done. */
export async function executeRun(db: Db, id: number, now: () => Date): Promise<repo.RunRow> {
  const run = await repo.findRun(db, id);
  if (!run) throw notFound('SUPERVISION_RUN_NOT_FOUND', `筛查批次 ${id} 不存在`);
  const all = await repo.listRules(db);
  const rules: ScanRule[] = all
    .filter((r) => run.rules.includes(r.code))
    .map((r) => ({ code: r.code, template: r.template, params: r.params }));
  try {
    for (let stage = run.chunksDone; stage < STAGES.length; stage++) {
      const s = STAGES[stage]!;
      const mine = rules.filter((r) => s.rules.includes(r.template));
      await db.tx(async (tx) => {
        await repo.clearStage(
          tx,
          id,
          mine.map((r) => r.code),
        );
        const hits = await s.run(tx, { id, from: run.fromDate, to: run.toDate }, mine, now());
        await repo.stageDone(tx, id, stage + 1, hits);
      });
    }
    await repo.finishRun(db, id, 'done', now(), null);
  } catch (e) {
    await repo.finishRun(db, id, 'failed', now(), (e as Error).message.slice(0, 500));
    throw e;
  }
  return (await repo.findRun(db, id))!;
}

export async function hitsXlsx(q: Queryable, runId: number): Promise<Buffer> {
  const { items } = await repo.listHits(q, { runId, rule: null, institution: null }, 100_000, 0);
  const wb = new (await excel()).Workbook();
  const ws = wb.addWorksheet('疑点');
  ws.columns = [
    { header: '规则', key: 'rule', width: 24 },
    { header: '机构', key: 'inst', width: 28 },
    { header: '就诊ID', key: 'visit', width: 26 },
    { header: '人员编号', key: 'psn', width: 20 },
    { header: '涉及金额（元）', key: 'amount', width: 14, style: { numFmt: '#,##0.00' } },
    { header: '明细流水号', key: 'lines', width: 30 },
  ];
  for (const h of items) {
    ws.addRow({
      rule: h.ruleName ?? h.ruleCode,
      inst: h.institutionName ?? h.fixmedinsCode ?? '',
      visit: h.mdtrtId ?? '',
      psn: h.psnNo ?? '',
      amount: yuanCell(h.amountFen),
      lines: h.lines.join(','),
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A knowledge point ends (停用) on a day: not before it began, and not moved once ended, with the
 * reason in the audit trail (its history). The scans after it see a new basis.
 */
export async function endKnowledge(tx: Tx, id: number, b: KnowledgeEndBody, actor: Actor, now: Date) {
  const before = await repo.lockKnowledge(tx, id);
  if (!before) throw notFound('SUPERVISION_KNOWLEDGE_NOT_FOUND', `知识点 ${id} 不存在`);
  if (before.validTo !== null) {
    throw badRequest('SUPERVISION_KNOWLEDGE_ENDED', `知识点 ${id} 已于 ${before.validTo} 停用`);
  }
  if (b.validTo < before.validFrom) {
    throw badRequest('SUPERVISION_KNOWLEDGE_END_EARLY', `停用日期不能早于生效日期 ${before.validFrom}`);
  }
  await repo.endKnowledge(tx, id, b.validTo);
  await audit(
    tx,
    actor,
    'supervision.knowledge_end',
    'supervision_knowledge',
    String(id),
    before,
    { ...before, validTo: b.validTo, reason: b.reason },
    now,
  );
  return { ...before, validTo: b.validTo };
}

/** Knowledge points given as data (the demo county's set; the workbench imports xlsx). */
export async function addKnowledge(tx: Tx, rows: KnowledgeInput[], actor: Actor, now: Date) {
  const n = await repo.insertKnowledge(tx, rows, now);
  await audit(
    tx,
    actor,
    'supervision.knowledge_import',
    'supervision_knowledge',
    null,
    null,
    { rows: n },
    now,
  );
  return n;
}
