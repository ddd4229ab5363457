// Small factories for engine tests (and the HIS tests): real-shaped visits, persons and lines.
import { demoResidentPolicy } from './demo-policy.ts';
import type { Policy } from './policy.ts';
import {
  type Accumulators,
  type CatalogueEntry,
  emptyAccumulators,
  type FeeLine,
  type PersonContext,
  type SettlementInput,
  type SettlementResult,
  type Visit,
} from './types.ts';

export const yuanFen = (yuan: number): number => Math.round(yuan * 100);

export const DEMO_ADMDVS = '410926';
export const residentPolicy = (year = 2026): Policy => demoResidentPolicy(DEMO_ADMDVS, year);

export function item(over: Partial<CatalogueEntry> = {}): CatalogueEntry {
  return {
    code: 'A-ITEM',
    name: '测试项目',
    chargeClass: '01',
    firstShareBp: null,
    priceCapFen: null,
    medChrgitmType: '09',
    genderLimit: null,
    minAge: null,
    maxAge: null,
    inpatientOnly: false,
    ...over,
  };
}

let lineSeq = 0;
/** One line of quantity 1 unless stated; amount = price × quantity rounded half-up. */
export function line(amountFen: number, entry: CatalogueEntry | null, over: Partial<FeeLine> = {}): FeeLine {
  lineSeq += 1;
  return {
    lineNo: String(lineSeq),
    itemCode: entry?.code ?? 'UNLISTED',
    date: '2026-03-10',
    quantity: 1,
    unitPriceFen: amountFen,
    amountFen,
    item: entry,
    ...over,
  };
}

export const classA = (fen: number, over: Partial<CatalogueEntry> = {}) => line(fen, item(over));
export const classB = (fen: number, over: Partial<CatalogueEntry> = {}) =>
  line(fen, item({ chargeClass: '02', code: 'B-ITEM', ...over }));
export const classC = (fen: number) => line(fen, item({ chargeClass: '03', code: 'C-ITEM' }));

export function visit(over: Partial<Visit> = {}): Visit {
  return {
    careType: '21',
    institutionCode: 'H41162500001',
    institutionLevel: 2,
    beginDate: '2026-03-01',
    endDate: '2026-03-10',
    diagnoses: ['K35.8'],
    outOfArea: false,
    emergency: false,
    ...over,
  };
}

export function person(over: Partial<PersonContext> = {}): PersonContext {
  return {
    psnNo: '41000000000000000001',
    insutype: '390',
    gender: '1',
    birthDate: '1960-05-20',
    identities: [],
    filings: [],
    diseaseQualifications: [],
    accountBalanceFen: 0,
    ...over,
  };
}

export function accumulators(over: Partial<Accumulators> = {}, year = 2026): Accumulators {
  return { ...emptyAccumulators(year), ...over };
}

export function input(over: Partial<SettlementInput> = {}): SettlementInput {
  return {
    visit: visit(),
    lines: [],
    person: person(),
    accumulators: accumulators(),
    useAccount: false,
    ...over,
  };
}

/** The identities of hsa-interface.md's setlinfo plus non-negative parts; returns problems found. */
export function identityProblems(r: SettlementResult): string[] {
  const p: string[] = [];
  const t = r.totals;
  const f = r.funds;
  if (t.totalFen !== r.fundTotalFen + r.personTotalFen) p.push('medfee ≠ fund + person');
  if (r.personTotalFen !== r.accountFen + r.cashFen) p.push('person ≠ account + cash');
  if (
    r.fundTotalFen !==
    f.basicFundFen + f.criticalIllnessFen + f.largeAmountFen + f.assistanceFen + f.otherFen
  )
    p.push('fund ≠ sum of funds');
  if (t.totalFen !== t.fullySelfPaidFen + t.overCapFen + t.firstShareFen + t.inScopeFen)
    p.push('medfee ≠ classification');
  for (const l of r.lines)
    if (l.amountFen !== l.fullySelfPaidFen + l.overCapFen + l.firstShareFen + l.inScopeFen)
      p.push(`line ${l.lineNo} parts`);
  const parts: Record<string, number> = {
    ...f,
    ...t,
    fundTotalFen: r.fundTotalFen,
    personTotalFen: r.personTotalFen,
    accountFen: r.accountFen,
    cashFen: r.cashFen,
  };
  for (const [k, v] of Object.entries(parts)) {
    if (!Number.isSafeInteger(v)) p.push(`${k} not integer fen`);
    if (v < 0) p.push(`${k} negative`);
  }
  if (f.basicFundFen + t.deductibleFen + t.coPayFen > t.inScopeFen) p.push('pooled band exceeds in scope');
  return p;
}
