// Fee lines (2204/2301 upload, 2205/2302 cancel). Every line is checked at the edge (amount =
// price × quantity within 1 fen, at most 2 decimals, quantity > 0) and here against the visit
// (open, the person alive on the line's date) and the catalogue valid on the line's date; the
// engine classifies each line so the HIS sees its self-paid parts at once. A request is stored
// whole or not at all.
import type { Tx } from '../../db/types.ts';
import { ALL_LINES, type UploadLine } from '../../domain/his/inputs.ts';
import { priceMatches } from '../../domain/his/price.ts';
import { beijingDate } from '../../domain/his/wire.ts';
import { classifyLines } from '../../domain/settlement/engine.ts';
import type { LineResult } from '../../domain/settlement/types.ts';
import {
  netReturns,
  type Netted,
  quantityText,
  type ReturnLine,
} from '../../domain/settlement/fee-returns.ts';
import { badRequest, conflict, isAppError } from '../../domain/shared/errors.ts';
import { fenToYuan } from '../../domain/shared/money.ts';
import { audit } from '../audit/index.ts';
import type { Caller } from './caller.ts';
import { catalogueOn, toEntry } from './context-repo.ts';
import {
  type AmountLimits,
  amountLimits,
  cancelLines,
  insertLines,
  lockOriginalLines,
  type NettedLine,
  type OriginalLine,
  updateNettedLines,
} from './fee-line-repo.ts';
import { engineContext, policyFor } from './engine-input.ts';
import { lockVisitWithPerson } from './visit-repo.ts';
import { checkAlive, checkOwn, ownVisit, requireStatus } from './visits.ts';

export interface UploadedLine {
  line: UploadLine;
  result: LineResult;
  medChrgitmType: string;
  restricted: boolean;
}

function checkLines(lines: UploadLine[]): { mdtrtId: string; psnNo: string } {
  const first = lines[0];
  const seen = new Set<string>();
  for (const l of lines) {
    if (l.mdtrtId !== first.mdtrtId || l.psnNo !== first.psnNo) {
      throw badRequest('SETTLEMENT_LINES_MIXED', '同一次上传的费用明细必须属于同一人员的同一次就诊');
    }
    if (seen.has(l.lineNo))
      throw badRequest('SETTLEMENT_DUPLICATE_LINE', `费用明细流水号 ${l.lineNo} 在本次上传中重复`);
    seen.add(l.lineNo);
    if (!priceMatches(l.unitPrice, l.quantity, l.amountFen)) {
      throw badRequest(
        'SETTLEMENT_AMOUNT_MISMATCH',
        `费用明细 ${l.lineNo}：单价 × 数量 与明细金额相差超过 0.01 元`,
        { feedetl_sn: l.lineNo },
      );
    }
  }
  return { mdtrtId: first.mdtrtId, psnNo: first.psnNo };
}

const isLiveLineClash = (e: unknown) =>
  (e as { code?: string })?.code === '23505' &&
  /fee_line_live_sn/.test(String((e as { constraint?: string }).constraint ?? (e as Error).message));

export async function uploadFees(
  tx: Tx,
  c: Caller,
  input: UploadLine[],
  inpatient: boolean,
): Promise<UploadedLine[]> {
  let lines = input;
  const ref = checkLines(lines);
  const v = checkOwn(await lockVisitWithPerson(tx, ref.mdtrtId), c, ref, inpatient);
  requireStatus(v, inpatient ? ['admitted', 'discharged'] : ['registered'], '上传费用明细');
  const today = beijingDate(c.now);
  for (const l of lines) {
    if (l.time.date < v.beginDate || l.time.date > (v.endDate ?? today)) {
      throw badRequest(
        'SETTLEMENT_FEE_DATE_OUTSIDE_VISIT',
        `费用明细 ${l.lineNo} 的发生时间 ${l.time.date} 不在就诊期间（${v.beginDate} 至 ${v.endDate ?? '今'}）内`,
      );
    }
    checkAlive(v.person, l.time.date);
  }

  const returns = lines.filter((l) => l.returnOf !== null);
  const returned = await nettedOriginals(tx, v.mdtrtId, returns);
  lines = lines.filter((l) => l.returnOf === null);
  checkBounds(amountLimits(v.limits, v.visitTotal), lines, returned);

  const catalogue = await catalogueOn(tx, [
    ...lines.map((l) => ({ code: l.itemCode, date: l.time.date })),
    ...returned.map((r) => ({ code: r.original.itemCode, date: r.original.date })),
  ]);
  const items = lines.map((l) => {
    const item = catalogue.get(`${l.itemCode}|${l.time.date}`);
    if (!item) {
      throw badRequest(
        'SETTLEMENT_ITEM_UNKNOWN',
        `费用明细 ${l.lineNo}：医保目录中没有 ${l.time.date} 有效的编码 ${l.itemCode}`,
        {
          feedetl_sn: l.lineNo,
        },
      );
    }
    return item;
  });

  // classification needs only the person's sex and age; identities and filings matter later
  const person = { ...v.person, psnNo: v.psnNo, identities: [], filings: [], qualifications: [] };
  // the visit row carries the person's pooling region (参保地), whose policy applies
  const { policy } =
    v.policy ?? (await policyFor(tx, { admdvs: v.admdvs, insuredAdmdvs: v.admdvs }, v.insutype, v.beginDate));
  const { visit, personContext } = engineContext(v, c.institution, person, v.endDate ?? v.beginDate);
  const results = classifyLines(
    lines.map((l, i) => ({
      lineNo: l.lineNo,
      itemCode: l.itemCode,
      date: l.time.date,
      quantity: l.quantity.value,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
      item: toEntry(items[i]),
    })),
    visit,
    personContext,
    policy,
  );
  // a netted original is classified again as it now stands
  const nettedResults = classifyLines(
    returned.map((r) => ({
      lineNo: r.original.sn,
      itemCode: r.original.itemCode,
      date: r.original.date,
      quantity: Number(r.netted.cnt),
      unitPriceFen: r.original.pricFen,
      amountFen: r.netted.amountFen,
      item: toEntry(catalogueItem(catalogue, r.original.itemCode, r.original.date, r.original.sn)),
    })),
    visit,
    personContext,
    policy,
  );
  if (returned.length > 0) {
    const rows = returned.map((r, i) => nettedRow(r, nettedResults[i]));
    await updateNettedLines(tx, rows);
    await audit(
      tx,
      c.actor,
      'fee_line.return',
      'visit',
      v.mdtrtId,
      {
        lines: returned.map((r) => ({
          sn: r.original.sn,
          cnt: r.original.cnt,
          amountFen: r.original.amountFen,
        })),
      },
      {
        lines: rows.map((r) => ({ id: r.id, cnt: r.cnt, amountFen: r.amountFen, returns: r.returns })),
        msgid: c.msgid,
      },
      c.now,
    );
  }

  try {
    if (lines.length > 0) await insertLines(tx, v, c, lines, items, results);
  } catch (e) {
    // the live-line index guards duplicates, also against two uploads racing
    if (isLiveLineClash(e)) {
      const sn = /=\([^,]*, ?([^)]*)\)/.exec(String((e as { detail?: string }).detail))?.[1];
      throw conflict('SETTLEMENT_DUPLICATE_LINE', `费用明细流水号 ${sn ?? ''} 已上传，请勿重复上传`);
    }
    throw e;
  }
  const restrictedOf = (item: (typeof items)[number]) =>
    item.genderLimit !== null || item.minAge !== null || item.maxAge !== null || item.inpatientOnly;
  const uploaded = lines.map((line, i) => ({
    line,
    result: results[i],
    medChrgitmType: items[i].medChrgitmType,
    restricted: restrictedOf(items[i]),
  }));
  // a return line answers with what it took off its original (negative parts)
  const returnRows = returned.flatMap((r, i) => {
    const item = catalogueItem(catalogue, r.original.itemCode, r.original.date, r.original.sn);
    return r.netted.returns.map((ret, k) => ({
      line: returns.find((l) => l.lineNo === ret.lineNo) as UploadLine,
      result: returnResult(r.original, nettedResults[i], ret, k === 0),
      medChrgitmType: item.medChrgitmType,
      restricted: restrictedOf(item),
    }));
  });
  const order = new Map(input.map((l, i) => [l.lineNo, i]));
  return [...uploaded, ...returnRows].sort(
    (a, b) => (order.get(a.line.lineNo) ?? 0) - (order.get(b.line.lineNo) ?? 0),
  );
}

function catalogueItem(
  catalogue: Awaited<ReturnType<typeof catalogueOn>>,
  code: string,
  date: string,
  sn: string,
) {
  const item = catalogue.get(`${code}|${date}`);
  if (!item) {
    throw badRequest('SETTLEMENT_ITEM_UNKNOWN', `费用明细 ${sn}：医保目录中没有 ${date} 有效的编码 ${code}`, {
      feedetl_sn: sn,
    });
  }
  return item;
}

interface Returned {
  original: OriginalLine;
  netted: Netted;
}

async function nettedOriginals(tx: Tx, mdtrtId: string, returns: UploadLine[]): Promise<Returned[]> {
  if (returns.length === 0) return [];
  const originals = await lockOriginalLines(
    tx,
    mdtrtId,
    returns.map((r) => r.returnOf as string),
  );
  const netted = netReturns(
    originals,
    returns.map((r) => ({
      lineNo: r.lineNo,
      returnOf: r.returnOf as string,
      itemCode: r.itemCode,
      scaled: r.quantity.scaled,
      amountFen: r.amountFen,
    })),
  );
  if (isAppError(netted)) throw netted;
  return netted.map((n) => ({ original: originals.find((o) => o.sn === n.sn) as OriginalLine, netted: n }));
}

/** Amount bounds (his_limits): per line, and the visit's live total after this upload. */
function checkBounds(limits: AmountLimits, lines: UploadLine[], returned: Returned[]) {
  for (const l of lines) {
    if (l.amountFen > limits.lineMaxFen) {
      throw badRequest(
        'SETTLEMENT_AMOUNT_TOO_LARGE',
        `费用明细 ${l.lineNo} 的金额 ${fenToYuan(l.amountFen)} 元超过单条明细上限 ${fenToYuan(limits.lineMaxFen)} 元`,
        { feedetl_sn: l.lineNo },
      );
    }
  }
  // exact in bigint: the visit's total is a numeric sum and may exceed 2⁵³ only if bounds were lifted
  const after =
    BigInt(limits.visitTotal) +
    lines.reduce((a, l) => a + BigInt(l.amountFen), 0n) +
    returned.reduce((a, r) => a + BigInt(r.netted.amountFen - r.original.amountFen), 0n);
  if (after > BigInt(limits.visitMaxFen)) {
    throw badRequest(
      'SETTLEMENT_VISIT_AMOUNT_TOO_LARGE',
      `本次就诊费用合计将超过单次就诊上限 ${fenToYuan(limits.visitMaxFen)} 元，请核对费用明细`,
    );
  }
}

function nettedRow(r: Returned, res: LineResult): NettedLine {
  return {
    id: r.original.id,
    cnt: r.netted.cnt,
    amountFen: r.netted.amountFen,
    chargeClass: res.chargeClass,
    fullySelfPaidFen: res.fullySelfPaidFen,
    overCapFen: res.overCapFen,
    firstShareFen: res.firstShareFen,
    inScopeFen: res.inScopeFen,
    reasons: res.reasons,
    returns: r.netted.returns.map((x) => ({
      sn: x.lineNo,
      cnt: quantityText(x.scaled < 0n ? -x.scaled : x.scaled),
      amountFen: -x.amountFen,
    })),
  };
}

/** The first return of an original carries the whole change of its parts (negative). */
function returnResult(o: OriginalLine, now: LineResult, ret: ReturnLine, first: boolean): LineResult {
  const d = (before: number, after: number) => (first ? after - before : 0);
  return {
    ...now,
    lineNo: ret.lineNo,
    amountFen: ret.amountFen,
    fullySelfPaidFen: d(o.fullySelfPaidFen, now.fullySelfPaidFen),
    overCapFen: d(o.overCapFen, now.overCapFen),
    firstShareFen: d(o.firstShareFen, now.firstShareFen),
    inScopeFen: d(o.inScopeFen, now.inScopeFen),
  };
}

export interface CancelFees {
  mdtrtId: string;
  psnNo: string;
  /** outpatient: the charge batch; inpatient: one line; '0000' = every unsettled line */
  batchNo: string | null;
  lineNo: string | null;
  /** inpatient (2302 with data as an array): several lines */
  lineNos?: string[] | null;
}

export async function cancelFees(tx: Tx, c: Caller, r: CancelFees, inpatient: boolean): Promise<number> {
  const v = await ownVisit(tx, c, r, inpatient);
  requireStatus(
    v,
    inpatient ? ['admitted', 'discharged'] : ['registered'],
    '撤销费用明细（已结算的请先撤销结算）',
  );
  const lineNos = r.lineNos ?? (r.lineNo === null ? null : [r.lineNo]);
  const all = r.batchNo === ALL_LINES || (lineNos ?? []).includes(ALL_LINES);
  const rows = await cancelLines(tx, v.mdtrtId, all, r.batchNo, lineNos ?? []);
  if (rows.length === 0) {
    throw badRequest('SETTLEMENT_NOTHING_TO_CANCEL', `就诊 ${v.mdtrtId} 没有可撤销的费用明细`);
  }
  await audit(
    tx,
    c.actor,
    'fee_line.cancel',
    'visit',
    v.mdtrtId,
    { lines: rows.map((x) => x.sn) },
    {
      cancelled: true,
      msgid: c.msgid,
    },
    c.now,
  );
  return rows.length;
}
