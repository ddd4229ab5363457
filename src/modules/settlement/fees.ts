// Fee lines (2204/2301 upload, 2205/2302 cancel). Every line is checked at the edge (amount =
// price × quantity within 1 fen, at most 2 decimals, quantity > 0) and here against the visit
// (open, the person alive on the line's date) and the catalogue valid on the line's date; the
// engine classifies each line so the HIS sees its self-paid parts at once. A request is stored
// whole or not at all.
import type { Queryable } from '../../db/types.ts';
import { ALL_LINES, type UploadLine } from '../../domain/his/inputs.ts';
import { amountMatches, beijingDate } from '../../domain/his/wire.ts';
import { classifyLines } from '../../domain/settlement/engine.ts';
import type { LineResult } from '../../domain/settlement/types.ts';
import { badRequest, conflict } from '../../domain/shared/errors.ts';
import { sum } from '../../domain/shared/money.ts';
import { audit } from '../audit/audit.ts';
import type { Caller } from './caller.ts';
import { auditParams, auditPart } from './audit-sql.ts';
import { catalogueOn, toEntry } from './context-repo.ts';
import { engineContext, policyFor } from './engine-input.ts';
import { lockVisitWithPerson, type VisitRow } from './visit-repo.ts';
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
      throw badRequest('HIS_LINES_MIXED', '同一次上传的费用明细必须属于同一人员的同一次就诊');
    }
    if (seen.has(l.lineNo))
      throw badRequest('HIS_DUPLICATE_LINE', `费用明细流水号 ${l.lineNo} 在本次上传中重复`);
    seen.add(l.lineNo);
    if (!amountMatches(l.unitPriceFen, l.quantity, l.amountFen)) {
      throw badRequest(
        'HIS_AMOUNT_MISMATCH',
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
  tx: Queryable,
  c: Caller,
  lines: UploadLine[],
  inpatient: boolean,
): Promise<UploadedLine[]> {
  const ref = checkLines(lines);
  const v = checkOwn(await lockVisitWithPerson(tx, ref.mdtrtId), c, ref, inpatient);
  requireStatus(v, inpatient ? ['admitted', 'discharged'] : ['registered'], '上传费用明细');
  const today = beijingDate(c.now);
  for (const l of lines) {
    if (l.time.date < v.beginDate || l.time.date > (v.endDate ?? today)) {
      throw badRequest(
        'HIS_FEE_DATE_OUTSIDE_VISIT',
        `费用明细 ${l.lineNo} 的发生时间 ${l.time.date} 不在就诊期间（${v.beginDate} 至 ${v.endDate ?? '今'}）内`,
      );
    }
    checkAlive(v.person, l.time.date);
  }

  const catalogue = await catalogueOn(
    tx,
    lines.map((l) => ({ code: l.itemCode, date: l.time.date })),
  );
  const items = lines.map((l) => {
    const item = catalogue.get(`${l.itemCode}|${l.time.date}`);
    if (!item) {
      throw badRequest(
        'HIS_ITEM_UNKNOWN',
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
  const { policy } = await policyFor(
    tx,
    { admdvs: v.admdvs, insuredAdmdvs: v.admdvs },
    v.insutype,
    v.beginDate,
  );
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

  try {
    await insertLines(tx, v, c, lines, items, results);
  } catch (e) {
    // the live-line index guards duplicates, also against two uploads racing
    if (isLiveLineClash(e)) {
      const sn = /=\([^,]*, ?([^)]*)\)/.exec(String((e as { detail?: string }).detail))?.[1];
      throw conflict('HIS_DUPLICATE_LINE', `费用明细流水号 ${sn ?? ''} 已上传，请勿重复上传`);
    }
    throw e;
  }
  return lines.map((line, i) => ({
    line,
    result: results[i],
    medChrgitmType: items[i].medChrgitmType,
    restricted:
      items[i].genderLimit !== null ||
      items[i].minAge !== null ||
      items[i].maxAge !== null ||
      items[i].inpatientOnly,
  }));
}

/** All lines in one statement (unnest), with the batch's audit entry. */
async function insertLines(
  tx: Queryable,
  v: VisitRow,
  c: Caller,
  lines: UploadLine[],
  items: { id: number; medChrgitmType: string }[],
  results: LineResult[],
): Promise<void> {
  await tx.query(
    `WITH l AS (
       INSERT INTO fee_line (mdtrt_id, psn_no, feedetl_sn, chrg_bchno, med_list_codg, medins_list_codg, catalogue_item_id,
         fee_ocur_time, fee_date, cnt, pric_fen, det_item_fee_sumamt, chrgitm_lv, med_chrgitm_type, fulamt_ownpay_amt,
         overlmt_amt, preselfpay_amt, inscp_scp_amt, reasons, detail, created_at)
       SELECT $1, $2, u.sn, u.batch, u.code, u.his_code, u.item, u.t, u.d, u.cnt, u.pric, u.amt, u.lv, u.mct, u.full_amt,
              u.over_amt, u.pre, u.inscp, string_to_array(u.reasons, ','), u.detail::jsonb, $3
         FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[], $9::timestamptz[], $10::date[],
                     $11::numeric[], $12::bigint[], $13::bigint[], $14::text[], $15::text[], $16::bigint[], $17::bigint[],
                     $18::bigint[], $19::bigint[], $20::text[], $21::text[])
           AS u(sn, batch, code, his_code, item, t, d, cnt, pric, amt, lv, mct, full_amt, over_amt, pre, inscp, reasons, detail)
       RETURNING 1)
     ${auditPart(22, '$1', '(SELECT 1 WHERE EXISTS (SELECT 1 FROM l)) AS x')}`,
    [
      v.mdtrtId,
      v.psnNo,
      c.now.toISOString(),
      lines.map((l) => l.lineNo),
      lines.map((l) => l.batchNo),
      lines.map((l) => l.itemCode),
      lines.map((l) => l.hisItemCode),
      items.map((i) => i.id),
      lines.map((l) => l.time.iso),
      lines.map((l) => l.time.date),
      lines.map((l) => l.quantity.text),
      lines.map((l) => l.unitPriceFen),
      lines.map((l) => l.amountFen),
      results.map((r) => r.chargeClass),
      items.map((i) => i.medChrgitmType),
      results.map((r) => r.fullySelfPaidFen),
      results.map((r) => r.overCapFen),
      results.map((r) => r.firstShareFen),
      results.map((r) => r.inScopeFen),
      results.map((r) => r.reasons.join(',')),
      lines.map((l) => JSON.stringify(l.detail)),
      ...auditParams(
        c.actor,
        'fee_line.upload',
        'visit',
        {
          lines: lines.length,
          totalFen: sum(lines.map((l) => l.amountFen)),
          batches: [...new Set(lines.map((l) => l.batchNo))],
          msgid: c.msgid,
        },
        c.now,
      ),
    ],
  );
}

export interface CancelFees {
  mdtrtId: string;
  psnNo: string;
  /** outpatient: the charge batch; inpatient: one line; '0000' = every unsettled line */
  batchNo: string | null;
  lineNo: string | null;
}

export async function cancelFees(
  tx: Queryable,
  c: Caller,
  r: CancelFees,
  inpatient: boolean,
): Promise<number> {
  const v = await ownVisit(tx, c, r, inpatient);
  requireStatus(
    v,
    inpatient ? ['admitted', 'discharged'] : ['registered'],
    '撤销费用明细（已结算的请先撤销结算）',
  );
  const all = (r.batchNo ?? r.lineNo) === ALL_LINES;
  const rows = await tx.query<{ sn: string }>(
    `UPDATE fee_line SET cancelled = true
      WHERE mdtrt_id = $1 AND NOT cancelled AND setl_id IS NULL
        AND ($2 OR ($3::text IS NOT NULL AND chrg_bchno = $3) OR ($4::text IS NOT NULL AND feedetl_sn = $4))
      RETURNING feedetl_sn AS sn`,
    [v.mdtrtId, all, r.batchNo, r.lineNo],
  );
  if (rows.length === 0) {
    throw badRequest('HIS_NOTHING_TO_CANCEL', `就诊 ${v.mdtrtId} 没有可撤销的费用明细`);
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
