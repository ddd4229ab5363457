// 5206 人员累计信息查询: a person's figures for the year as `cuminfo[]` rows
// {insutype, year, cum_ym, cum_type_code, cum}. The cumulative type codes are the ones HIS read
// (C0000 住院次数, S0000 医疗费合计, Q0000 累计起付线) and D + the fund code for what a fund paid
// (D390100 居民基本医保统筹, D390200 大病保险, D610100 医疗救助, D310100 职工统筹); M + fund code
// for outpatient pooling paid inside the basic fund's total, B390200 for the 大病 base (the year's
// in-scope self-pay).
import type { Accumulators } from '../settlement/types.ts';
import { yuan } from './wire.ts';

export interface PersonYearFigures {
  insutype: string;
  year: number;
  accumulators: Accumulators;
  totalFen: number;
}

export const CUM_TYPE_NAMES: Readonly<Record<string, string>> = {
  C0000: '本年住院次数',
  S0000: '本年医疗费用合计',
  Q0000: '本年累计起付线',
};

const basicFund = (insutype: string) => (insutype === '310' ? '310100' : '390100');

/** The cuminfo rows of one scheme's year; amounts as wire decimals, counts as integers. */
export function cuminfo(f: PersonYearFigures, cumYm: string | null) {
  const a = f.accumulators;
  const row = (code: string, cum: unknown) => ({
    insutype: f.insutype,
    year: String(f.year),
    cum_ym: cumYm ?? `${f.year}12`,
    cum_type_code: code,
    cum,
  });
  const rows = [
    row('C0000', a.admissions),
    row('S0000', yuan(f.totalFen)),
    row('Q0000', yuan(a.deductiblePaidFen)),
    row(`D${basicFund(f.insutype)}`, yuan(a.basicFundPaidFen)),
    row(`M${basicFund(f.insutype)}`, yuan(a.outpatientPooledPaidFen)),
  ];
  if (f.insutype === '390') {
    rows.push(row('D390200', yuan(a.criticalIllnessPaidFen)), row('B390200', yuan(a.criticalIllnessBaseFen)));
  }
  rows.push(row('D610100', yuan(a.assistancePaidFen)));
  return rows;
}
