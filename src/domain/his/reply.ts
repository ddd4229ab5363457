// What real HIS read from a reply beyond the envelope of envelope.ts (issue 9, section 2):
// inf_refmsgid in the national 30-character form, cainfo/signtype/enctype present (null when
// unused), setlinfo.medins_setl_id (the msgid of the request that settled or reversed — the HIS
// keeps it and later names it as omsgid), and pric_uplmt_amt 999999 for an item without a cap.
import type { HisResponse } from './envelope.ts';
import type { Fen } from '../shared/money.ts';
import { rawNumber, wireStamp, yuan } from './wire.ts';

/** What the platform answers as the cap of an item without one (real replies: 999999). */
export const NO_PRICE_CAP = '999999';

/** pric_uplmt_amt of a line: its cap, or 999999 for none (a cap of 0 is none, as nationalReply reads it). */
export const priceCapField = (capFen: Fen | null): unknown =>
  capFen ? yuan(capFen) : rawNumber(NO_PRICE_CAP);

/** 6-digit region + yyyyMMddHHmmss (Beijing) + 10-digit serial. */
export function nationalRefMsgId(region: string, received: Date, serial: number): string {
  const stamp = wireStamp(received).slice(0, 14);
  const r = /^\d{6}$/.test(region) ? region : '000000';
  return `${r}${stamp}${String(serial % 10_000_000_000).padStart(10, '0')}`;
}

/** The region a request is answered for: where care happens, else the institution's region. */
export function replyRegion(
  mdtrtareaAdmvs: string | null,
  fixmedinsCode: string | null,
  fallback: string,
): string {
  if (mdtrtareaAdmvs && /^\d{6}$/.test(mdtrtareaAdmvs)) return mdtrtareaAdmvs;
  const fromCode = fixmedinsCode?.slice(1, 7) ?? '';
  return /^\d{6}$/.test(fromCode) ? fromCode : fallback;
}

export type NationalReply = HisResponse & { cainfo: null; signtype: null; enctype: null };

/** The envelope with the fields clients read, and the output nodes completed. */
export function nationalReply(res: HisResponse, msgid: string | null): NationalReply {
  const output = res.output;
  const setlinfo = output.setlinfo as Record<string, unknown> | undefined;
  if (setlinfo && msgid !== null && setlinfo.medins_setl_id === undefined) {
    output.setlinfo = { ...setlinfo, medins_setl_id: msgid };
  }
  if (Array.isArray(output.result)) {
    output.result = output.result.map((row: Record<string, unknown>) =>
      'pric_uplmt_amt' in row && isZero(row.pric_uplmt_amt)
        ? { ...row, pric_uplmt_amt: rawNumber(NO_PRICE_CAP) }
        : row,
    );
  }
  return { ...res, cainfo: null, signtype: null, enctype: null };
}

/** A zero as JSON writes it: the number 0 or a raw 0 / 0.00 (not the string '0'). */
const isZero = (v: unknown) => {
  if (v === 0) return true;
  if (!JSON.isRawJSON(v)) return false;
  const raw = (v as { rawJSON: string }).rawJSON;
  return raw === '0' || raw === '0.00';
};
