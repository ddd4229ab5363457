// The national dictionaries a HIS reads with 1901 字典表查询: each code list Yibao speaks, under the
// type name the national platform files it by (upper case, as HIS send it).
import {
  CERT_TYPE_NAMES,
  CHARGE_CLASS_NAMES,
  DISCHARGE_WAY_NAMES,
  FUND_PAY_TYPE_NAMES,
  GENDER_NAMES,
  INSUTYPE_NAMES,
  MED_TYPE_NAMES,
} from './codes.ts';

const DICTIONARIES: Record<string, Record<string, string>> = {
  INSUTYPE: INSUTYPE_NAMES,
  MED_TYPE: MED_TYPE_NAMES,
  MDTRT_CERT_TYPE: CERT_TYPE_NAMES,
  CHRGITM_LV: CHARGE_CLASS_NAMES,
  FUND_PAY_TYPE: FUND_PAY_TYPE_NAMES,
  DSCG_WAY: DISCHARGE_WAY_NAMES,
  GEND: GENDER_NAMES,
};

/** The type names 1901 answers, in order. */
export const DICTIONARY_TYPES = Object.keys(DICTIONARIES);

export interface DictionaryEntry {
  type: string;
  value: string;
  label: string;
  sort: number;
}

/** One dictionary's entries in code order (the type in any case); null for a type Yibao lacks. */
export function dictionary(type: string): DictionaryEntry[] | null {
  const name = type.trim().toUpperCase();
  const entries = DICTIONARIES[name];
  if (!entries) return null;
  return Object.keys(entries)
    .sort()
    .map((value, i) => ({ type: name, value, label: entries[value]!, sort: i + 1 }));
}
