// 3501–3507 进销存: the input nodes (invinfo, purcinfo, selinfo — one record or a list of them — and
// 3507's data) mapped to the records supervision keeps, in its names. What a record must carry is
// what makes it usable: the item (med_list_codg and the institution's own entry), the 批次流水号,
// the quantity and when; everything else a HIS sends is optional and kept as it came. The person
// of a sale is kept by psn_no only: certno and psn_name are accepted and not stored.
import { z } from 'zod';
import { GIVE_UP, withFastPath } from '../shared/fast-schema.ts';
import {
  STOCK_DATA_TYPES,
  type StockDataType,
  type StockEventInput,
  type StockEventKind,
} from '../supervision/stock-events.ts';
import { code, dateTime, oneOf, optDate, optText, price, quantity, wireDate } from './schema.ts';
import type { WireInstant } from './wire.ts';

/** More records than this in one call is a batch to split. */
export const MAX_STOCK_RECORDS = 1000;

const asText = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? String(v) : v);
const COUNT = /^\d{1,12}(\.\d{1,4})?$/;
/** A stock count: like a quantity, but 0 is a count too. */
const stockCount = withFastPath(
  z.preprocess(
    asText,
    z
      .string()
      .trim()
      .refine((s) => COUNT.test(s), { message: '字段 {field} 应为不小于 0 的数量（最多四位小数）' }),
  ),
  (v) => {
    const s = asText(v);
    if (typeof s !== 'string') return GIVE_UP;
    const t = s.trim();
    return COUNT.test(t) ? t : GIVE_UP;
  },
);
const optPrice = z.preprocess(
  (v) => (v === undefined || v === null || v === '' ? undefined : v),
  price.optional(),
);

/** Every record names the item, the institution's own entry and its 批次流水号. */
const item = {
  med_list_codg: code(50),
  fixmedins_hilist_id: code(30),
  fixmedins_hilist_name: code(200),
  fixmedins_bchno: code(30),
  rx_flag: optText(3),
  manu_lotnum: optText(30),
  manu_date: optDate,
  expy_end: optDate,
  memo: optText(500),
  // 药品追溯码: in the record (one, or several separated by commas) and in its drugtracinfo list
  drug_trac_codg: optText(2000),
  drugtracinfo: z.unknown().optional(),
};

/** A 追溯码 is kept as sent, trimmed; longer than this it is not one. */
const TRACE_CODE_MAX = 64;

/**
 * The 追溯码 of a record: its drug_trac_codg (several separated by commas, semicolons or spaces) and
 * the drug_trac_codg of each entry in a drugtracinfo node (a list, one object, or '' when none) —
 * the record's own, or the input's when it reports one record. Each once, in the order sent.
 */
export function traceCodesOf(
  r: { drug_trac_codg: string | null; drugtracinfo?: unknown },
  root?: unknown,
): string[] {
  const out = new Set<string>();
  const add = (v: unknown) => {
    if (typeof v !== 'string') return;
    for (const c of v.split(/[,，;；\s]+/)) if (c && c.length <= TRACE_CODE_MAX) out.add(c);
  };
  const node = (n: unknown) => {
    for (const e of Array.isArray(n) ? n : [n]) {
      if (typeof e === 'object' && e !== null) add((e as Record<string, unknown>).drug_trac_codg);
    }
  };
  add(r.drug_trac_codg);
  node(r.drugtracinfo);
  node(root);
  return [...out];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A record as some HIS name its own catalogue entry: fixmedins_hist_id / _hist_name for
 * fixmedins_hilist_id / _hilist_name (seen in a vendor's 3503/3504), read as the national names.
 */
const aliased = (v: unknown) =>
  isObject(v) && v.fixmedins_hilist_id === undefined && v.fixmedins_hist_id !== undefined
    ? {
        ...v,
        fixmedins_hilist_id: v.fixmedins_hist_id,
        fixmedins_hilist_name: v.fixmedins_hilist_name ?? v.fixmedins_hist_name,
      }
    : v;

/** One record or a list of them, as HIS send both. */
const records = <S extends z.ZodType>(row: S) => {
  const one = z.preprocess(aliased, row);
  return z.union([one.transform((r) => [r as z.output<S>]), z.array(one).min(1).max(MAX_STOCK_RECORDS)]);
};

/**
 * An input of records: its node by its name (or, in the batch variants 3502A–3506A, by the name
 * they give their list: invinfoDetail, purcinfoDetail, selinfoDetail), one record or a list, each
 * mapped to what supervision keeps. The input's own drugtracinfo belongs to its record when it
 * reports one (as 3505 sends it).
 */
function reported<S extends z.ZodType>(
  name: 'invinfo' | 'purcinfo' | 'selinfo',
  row: S,
  toEvent: (r: z.output<S>, root: unknown) => StockEventInput,
) {
  return z.preprocess(
    (v) =>
      isObject(v) && v[name] === undefined && v[`${name}Detail`] !== undefined
        ? { ...v, [name]: v[`${name}Detail`] }
        : v,
    z.object({ [name]: records(row), drugtracinfo: z.unknown().optional() }).transform((v) => {
      const list = v[name] as z.output<S>[];
      return list.map((r) => toEvent(r, list.length === 1 ? v.drugtracinfo : undefined));
    }),
  );
}

/** The optional text fields of a record kept as sent (absent ones left out). */
const kept = <R extends object>(r: R, names: readonly (keyof R & string)[]) => {
  const out: Record<string, string | null> = {};
  for (const n of names) {
    const v = r[n];
    if (typeof v === 'string') out[n] = v;
  }
  return out;
};

/** A count's day as the instant it begins in Beijing. */
const instant = (day: string): WireInstant => ({
  iso: new Date(`${day}T00:00:00+08:00`).toISOString(),
  date: day,
});

interface Common {
  med_list_codg: string;
  fixmedins_hilist_id: string;
  fixmedins_hilist_name: string;
  fixmedins_bchno: string;
  manu_lotnum: string | null;
  rx_flag: string | null;
  manu_date?: string | undefined;
  expy_end?: string | undefined;
  memo: string | null;
  drug_trac_codg: string | null;
  drugtracinfo?: unknown;
}

function event(
  kind: StockEventKind,
  r: Common,
  quantity: string,
  when: WireInstant,
  pric: { text: string } | undefined,
  detail: Record<string, string | null>,
  /** the input's own drugtracinfo, given when it reports one record */
  root?: unknown,
): StockEventInput {
  return {
    kind,
    itemCode: r.med_list_codg,
    hilistId: r.fixmedins_hilist_id,
    hilistName: r.fixmedins_hilist_name,
    bchno: r.fixmedins_bchno,
    quantity,
    price: pric?.text ?? null,
    occurredAt: when.iso,
    occurredOn: when.date,
    detail: {
      ...kept(r, ['manu_lotnum', 'rx_flag', 'manu_date', 'expy_end', 'memo']),
      ...detail,
    },
    traceCodes: traceCodesOf(r, root),
  };
}

// ——— 3501 商品盘存上传
const countRow = z.object({ ...item, invdate: wireDate, inv_cnt: stockCount });
export const stockCountInput = reported('invinfo', countRow, (r, root) =>
  event('count', r, r.inv_cnt, instant(r.invdate), undefined, {}, root),
);

// ——— 3502 商品信息变更（库存变更）
const CHANGE_KEPT = ['inv_chg_type', 'inv_chg_opter_name', 'trdn_flag'] as const;
const changeRow = z.object({
  ...item,
  inv_chg_type: code(6),
  pric: optPrice,
  cnt: quantity,
  inv_chg_time: dateTime,
  inv_chg_opter_name: optText(50),
  trdn_flag: optText(3),
});
export const stockChangeInput = reported('invinfo', changeRow, (r, root) =>
  event('change', r, r.cnt.text, r.inv_chg_time, r.pric, kept(r, CHANGE_KEPT), root),
);

// ——— 3503 商品采购 / 3504 商品采购退货
const PURCHASE_KEPT = [
  'dynt_no',
  'spler_name',
  'spler_pmtno',
  'prodentp_name',
  'aprvno',
  'purc_invo_codg',
  'purc_invo_no',
  'purc_retn_opter_name',
  'prod_geay_flag',
  'medins_prod_purc_no',
] as const;
const purchaseRow = z.object({
  ...item,
  dynt_no: optText(50),
  spler_name: optText(200),
  spler_pmtno: optText(50),
  prodentp_name: optText(200),
  aprvno: optText(100),
  finl_trns_pric: optPrice,
  purc_retn_cnt: quantity,
  purc_invo_codg: optText(50),
  purc_invo_no: optText(50),
  purc_retn_stoin_time: dateTime,
  purc_retn_opter_name: optText(50),
  prod_geay_flag: optText(3),
  medins_prod_purc_no: optText(50),
});
const purchases = (kind: 'purchase' | 'purchase_return') =>
  reported('purcinfo', purchaseRow, (r, root) =>
    event(
      kind,
      r,
      r.purc_retn_cnt.text,
      r.purc_retn_stoin_time,
      r.finl_trns_pric,
      kept(r, PURCHASE_KEPT),
      root,
    ),
  );
export const stockPurchaseInput = purchases('purchase');
export const stockPurchaseReturnInput = purchases('purchase_return');

// ——— 3505 商品销售 / 3506 商品销售退货
const SALE_KEPT = [
  'prsc_dept_code',
  'prsc_dr_name',
  'phar_name',
  'phar_prac_cert_no',
  'hi_feesetl_type',
  'mdtrt_setl_type',
  'setl_id',
  'mdtrt_sn',
  'psn_no',
  'trdn_flag',
  'rxno',
  'rx_circ_flag',
  'rtal_docno',
  'stoout_no',
  'bchno',
  'drug_prod_barc',
  'shelf_posi',
  'sel_retn_opter_name',
  'medins_prod_sel_no',
] as const;
const saleRow = z.object({
  ...item,
  prsc_dept_code: optText(30),
  prsc_dr_name: optText(50),
  phar_name: optText(50),
  phar_prac_cert_no: optText(50),
  hi_feesetl_type: optText(6),
  mdtrt_setl_type: optText(6),
  setl_id: optText(30),
  mdtrt_sn: optText(30),
  psn_no: optText(30),
  psn_cert_type: optText(6),
  certno: optText(50),
  psn_name: optText(50),
  trdn_flag: optText(3),
  finl_trns_pric: optPrice,
  rxno: optText(40),
  rx_circ_flag: optText(3),
  rtal_docno: optText(40),
  stoout_no: optText(40),
  bchno: optText(30),
  drug_prod_barc: optText(30),
  shelf_posi: optText(20),
  sel_retn_cnt: quantity,
  sel_retn_time: dateTime,
  sel_retn_opter_name: optText(50),
  medins_prod_sel_no: optText(50),
});
const sales = (kind: 'sale' | 'sale_return') =>
  reported('selinfo', saleRow, (r, root) =>
    event(kind, r, r.sel_retn_cnt.text, r.sel_retn_time, r.finl_trns_pric, kept(r, SALE_KEPT), root),
  );
export const stockSaleInput = sales('sale');
export const stockSaleReturnInput = sales('sale_return');

// ——— 3507 商品信息删除
export const stockDeleteInput = z
  .object({
    data: z.object({
      fixmedins_bchno: code(30),
      inv_data_type: oneOf(Object.keys(STOCK_DATA_TYPES) as [StockDataType, ...StockDataType[]]),
    }),
  })
  .transform(({ data: d }) => ({ bchno: d.fixmedins_bchno, dataType: d.inv_data_type }));
