// 进销存 as an institution's own system reports it, record by record, through the national interface:
// 3501 盘存 (a stock count), 3502 库存变更, 3503 采购 and 3504 its returns, 3505 销售 and 3506 its
// returns; 3507 deletes what was reported under one 批次流水号 (fixmedins_bchno) of one data type, so
// that it can be reported again. A live record is unique by institution, kind and 批次流水号: the
// same record sent twice under two msgids is refused, not counted twice.
import { badRequest } from '../shared/errors.ts';

export const STOCK_EVENT_KINDS = [
  'count',
  'change',
  'purchase',
  'purchase_return',
  'sale',
  'sale_return',
] as const;
export type StockEventKind = (typeof STOCK_EVENT_KINDS)[number];

export const STOCK_EVENT_NAMES: Record<StockEventKind, string> = {
  count: '盘存',
  change: '库存变更',
  purchase: '采购',
  purchase_return: '采购退货',
  sale: '销售',
  sale_return: '销售退货',
};

/** The national transaction that reports each kind. */
export const STOCK_EVENT_INFNO: Record<StockEventKind, string> = {
  count: '3501',
  change: '3502',
  purchase: '3503',
  purchase_return: '3504',
  sale: '3505',
  sale_return: '3506',
};

/** 3507's inv_data_type: which kinds one deletion reaches. */
export const STOCK_DATA_TYPES = {
  '1': ['count'],
  '2': ['change'],
  '3': ['purchase', 'purchase_return'],
  '4': ['sale', 'sale_return'],
} as const satisfies Record<string, readonly StockEventKind[]>;
export type StockDataType = keyof typeof STOCK_DATA_TYPES;
export const STOCK_DATA_TYPE_NAMES: Record<StockDataType, string> = {
  '1': '盘存信息',
  '2': '库存变更信息',
  '3': '采购信息',
  '4': '销售信息',
};

/** One reported record, in Yibao's names (the HIS module maps the wire to this). */
export interface StockEventInput {
  kind: StockEventKind;
  /** med_list_codg: the national code the fund settles under */
  itemCode: string;
  /** fixmedins_hilist_id / _name: the institution's own catalogue entry */
  hilistId: string;
  hilistName: string;
  /** fixmedins_bchno */
  bchno: string;
  /** decimal text, up to 4 decimals, ≥ 0 (a count may be 0; a movement is > 0) */
  quantity: string;
  /** decimal text, up to 6 decimals, or null */
  price: string | null;
  /** ISO instant and its Beijing date */
  occurredAt: string;
  occurredOn: string;
  /** the record's other fields worth keeping (supplier, lot, settlement id …), by national name */
  detail: Record<string, string | null>;
  /** 药品追溯码: one per smallest package, as the record carries them (none: empty) */
  traceCodes: string[];
}

/** One upload's records refused when one 批次流水号 appears twice for the same kind. */
export function refuseRepeatedBatch(events: readonly StockEventInput[]): void {
  const seen = new Set<string>();
  for (const e of events) {
    const key = `${e.kind} ${e.bchno}`;
    if (seen.has(key)) {
      throw badRequest(
        'STOCK_EVENT_REPEATED',
        `批次流水号 ${e.bchno} 在本次上传的${STOCK_EVENT_NAMES[e.kind]}信息中出现多次`,
      );
    }
    seen.add(key);
  }
}
