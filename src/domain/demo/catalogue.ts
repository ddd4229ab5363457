// The demo catalogue (医保目录): western drugs with 23-character national codes (X…), Chinese
// patent drugs (Z…), service items with numeric national codes and medical materials with
// 27-character codes (C…); class A/B/C about 45/40/15, class B with its 先行自付 share, price caps
// on a good part, gender, age and inpatient-only restrictions where the indication has them.
// A few drugs were re-priced by centralised procurement (集采) from 2026: a second version with a
// lower cap, the first closed the day before.
import { CHINESE_PATENT_DRUGS, MANUFACTURERS, MATERIALS, SERVICES, WESTERN_DRUGS } from './catalogue-data.ts';
import { mulDivHalfUp, yuanToFen } from '../shared/money.ts';
import type { Random } from './random.ts';

export interface DemoCatalogueItem {
  code: string;
  name: string;
  kind: 'drug' | 'service' | 'material';
  chrgitmLv: '01' | '02' | '03';
  firstShareBp: number | null;
  priceCapFen: number | null;
  medChrgitmType: string;
  genderLimit: '1' | '2' | null;
  minAge: number | null;
  maxAge: number | null;
  inpatientOnly: boolean;
  validFrom: string;
  validTo: string | null;
}

export const CATALOGUE_VALID_FROM = '2025-01-01';
const REPRICED_FROM = '2026-01-01';

const LEVEL = { A: '01', B: '02', C: '03' } as const;

const FORM_CODES: Record<string, string> = {
  片: 'A001',
  肠溶片: 'A002',
  缓释片: 'A003',
  控释片: 'A004',
  咀嚼片: 'A005',
  阴道片: 'A006',
  胶囊: 'A010',
  肠溶胶囊: 'A011',
  缓释胶囊: 'A012',
  软胶囊: 'A013',
  颗粒: 'A020',
  散: 'A021',
  口服溶液: 'A030',
  混悬液: 'A031',
  口服液: 'A032',
  水: 'A033',
  糖浆: 'A034',
  丸: 'A040',
  滴丸: 'A041',
  注射液: 'B001',
  注射用: 'B002',
  气雾剂: 'C001',
  吸入剂: 'C002',
  滴眼液: 'D001',
  软膏: 'E001',
  搽剂: 'E002',
  膏: 'E003',
  凝胶: 'E004',
  滴剂: 'A035',
};
const MATERIAL_MAKERS = '威高集团 康德莱 乐普医疗 微创医疗 迈瑞医疗 鱼跃医疗 振德医疗 稳健医疗'.split(' ');

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((l) => l.split('|'));
const pad = (n: number, w: number) => String(n).padStart(w, '0');

function restrictions(flags: string | undefined) {
  const f = (flags ?? '').split(' ');
  const num = (prefix: string) => {
    const t = f.find((x) => x.startsWith(prefix));
    return t ? Number(t.slice(prefix.length)) : null;
  };
  return {
    genderLimit: f.includes('g1') ? ('1' as const) : f.includes('g2') ? ('2' as const) : null,
    minAge: num('min'),
    maxAge: num('max'),
    inpatientOnly: f.includes('ip'),
  };
}

function classFields(r: Random, cls: string, priceFen: number, capShare: number) {
  const lv = LEVEL[cls as keyof typeof LEVEL];
  return {
    chrgitmLv: lv,
    firstShareBp:
      lv === '02'
        ? r.weighted<number>([
            [1000, 84],
            [500, 8],
            [2000, 8],
          ])
        : null,
    // class C is out of scope whatever its price, so it carries no cap
    priceCapFen: lv !== '03' && r.chance(capShare) ? capAbove(priceFen, 11_500) : null,
  };
}

const productCount = (r: Random) =>
  r.weighted<number>([
    [1, 55],
    [2, 33],
    [3, 12],
  ]);
/** The data's typical price (元 text) × a factor, jittered to 80–130 %, in fen; integers only. */
const priceFen = (r: Random, yuan: string, factorBp: number) =>
  Math.max(10, mulDivHalfUp(fenOf(yuan), factorBp * r.int(8000, 12_999), 100_000_000));

/** A price cap: the price × a share in basis points, rounded up to the next 10 fen (角). */
const capAbove = (fen: number, bp: number) => Math.ceil(mulDivHalfUp(fen, bp, 10_000) / 10) * 10;

function fenOf(yuan: string): number {
  const fen = yuanToFen(yuan);
  if (fen === null) throw new RangeError(`演示目录的价格不是合法金额: ${yuan}`);
  return fen;
}

function formOf(name: string): string {
  const form = Object.keys(FORM_CODES)
    .filter((f) => name.endsWith(f) || name.startsWith(f))
    .sort((a, b) => b.length - a.length)[0];
  return FORM_CODES[form ?? ''] ?? 'A099';
}

function westernDrugs(r: Random): DemoCatalogueItem[] {
  const out: DemoCatalogueItem[] = [];
  lines(WESTERN_DRUGS).forEach(([generic, atc, cls, price, forms, flags], g) => {
    forms.split(' ').forEach((fs, s) => {
      const [form, spec] = fs.split('@');
      const drug = form === '注射用' ? `注射用${generic}` : `${generic}${form}`;
      const makers = r.shuffle([...MANUFACTURERS]).slice(0, productCount(r));
      makers.forEach((maker) => {
        const fen = priceFen(r, price, 10_000 + s * 4000);
        out.push({
          code: `X${atc}A${pad(g + 1, 3)}${FORM_CODES[form] ?? 'A099'}${pad(s + 1, 2)}${pad(MANUFACTURERS.indexOf(maker) + 1, 3)}${pad(r.int(0, 9999), 4)}`,
          name: `${drug}${spec === '复方' ? '' : ` ${spec}`}（${maker}）`,
          kind: 'drug',
          ...classFields(r, cls, fen, 0.4),
          medChrgitmType: '09',
          ...restrictions(flags),
          validFrom: CATALOGUE_VALID_FROM,
          validTo: null,
        });
      });
    });
  });
  return out;
}

function chinesePatentDrugs(r: Random): DemoCatalogueItem[] {
  const out: DemoCatalogueItem[] = [];
  lines(CHINESE_PATENT_DRUGS).forEach(([name, cls, price, flags], i) => {
    const makers = r.shuffle([...MANUFACTURERS]).slice(0, r.int(1, 2));
    for (const maker of makers) {
      const fen = priceFen(r, price, 10_000);
      out.push({
        code: `ZA${pad((i % 16) + 1, 2)}${'ABCD'[i % 4]}AA${pad(i + 1, 3)}${formOf(name)}${pad(MANUFACTURERS.indexOf(maker) + 1, 3)}${pad(r.int(0, 999_999), 6)}`,
        name: `${name}（${maker}）`,
        kind: 'drug',
        ...classFields(r, cls, fen, 0.3),
        medChrgitmType: '11',
        ...restrictions(flags),
        validFrom: CATALOGUE_VALID_FROM,
        validTo: null,
      });
    }
  });
  return out;
}

function services(r: Random): DemoCatalogueItem[] {
  return lines(SERVICES).map(([code, name, type, cls, price, flags]) => ({
    code,
    name,
    kind: 'service',
    ...classFields(r, cls, fenOf(price), 0.5),
    medChrgitmType: type,
    ...restrictions(flags),
    validFrom: CATALOGUE_VALID_FROM,
    validTo: null,
  }));
}

function materials(r: Random): DemoCatalogueItem[] {
  const out: DemoCatalogueItem[] = [];
  lines(MATERIALS).forEach(([name, cls, price, flags], i) => {
    const makers = r.shuffle([...MATERIAL_MAKERS]).slice(0, r.int(1, 2));
    makers.forEach((maker, k) => {
      const fen = priceFen(r, price, 10_000);
      out.push({
        code: `C${pad((i % 15) + 1, 2)}${pad((i % 7) + 1, 2)}${pad((i % 5) + 1, 2)}${pad(i + 1, 5)}${pad(r.int(1, 999), 3)}${pad(k + 1, 4)}${pad(r.int(0, 99_999_999), 8)}`,
        name: `${name}（${maker}）`,
        kind: 'material',
        ...classFields(r, cls, fen, 0.4),
        medChrgitmType: '08',
        ...restrictions(flags),
        validFrom: CATALOGUE_VALID_FROM,
        validTo: null,
      });
    });
  });
  return out;
}

export function buildCatalogue(r: Random): DemoCatalogueItem[] {
  const items = [...westernDrugs(r), ...chinesePatentDrugs(r), ...services(r), ...materials(r)];
  // 集采: eight capped western drugs re-priced from 2026 at about 60 % of the old cap
  const repriced = r
    .shuffle(items.filter((i) => i.code.startsWith('X') && i.priceCapFen !== null))
    .slice(0, 8)
    .map((old) => {
      old.validTo = '2025-12-31';
      return {
        ...old,
        priceCapFen: capAbove(old.priceCapFen!, 6000),
        validFrom: REPRICED_FROM,
        validTo: null,
      };
    });
  return [...items, ...repriced];
}
