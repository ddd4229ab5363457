// The line-grain rules as pure functions: one fee line against its visit, person, catalogue entry
// and the item's knowledge points. The HIS-facing checks before and during care (事前/事中) call
// these; the batch scan (事后) computes the same conditions in one SQL pass over the fee lines,
// and a test holds the two to the same answers.
import { ageOn } from '../registry/id-number.ts';

export interface LineFacts {
  itemCode: string;
  date: string;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

export interface ItemFacts {
  genderLimit: '1' | '2' | null;
  minAge: number | null;
  maxAge: number | null;
  inpatientOnly: boolean;
  priceCapFen: number | null;
}

export interface VisitFacts {
  inpatient: boolean;
  insutype: string;
  beginDate: string;
  endDate: string | null;
  /** diagnosis codes, main first */
  diagnoses: string[];
  institutionLevel: number;
}

export interface PersonFacts {
  gender: '1' | '2';
  birthDate: string;
  deathDate: string | null;
}

/** An item's knowledge points (supervision_knowledge), by template. */
export interface ItemKnowledge {
  schemes?: string[];
  minLevel?: number;
  /** diagnosis code prefixes the item is indicated for */
  indications?: string[];
  maxQuantity?: number;
  maxCourse?: number;
}

export interface LineHit {
  rule: string;
  amountFen: number;
  note: string;
}

export function lineHits(
  line: LineFacts,
  item: ItemFacts | null,
  visit: VisitFacts,
  person: PersonFacts,
  k: ItemKnowledge,
  enabled: ReadonlySet<string>,
): LineHit[] {
  const out: LineHit[] = [];
  const hit = (rule: string, note: string, amountFen = line.amountFen) => {
    if (enabled.has(rule)) out.push({ rule, amountFen, note });
  };
  if (item) {
    if (item.genderLimit && item.genderLimit !== person.gender)
      hit('GENDER', `限${item.genderLimit === '1' ? '男' : '女'}性使用`);
    const age = ageOn(person.birthDate, line.date);
    if ((item.minAge !== null && age < item.minAge) || (item.maxAge !== null && age > item.maxAge)) {
      hit('AGE', `限 ${item.minAge ?? 0}–${item.maxAge ?? '∞'} 岁，参保人 ${age} 岁`);
    }
    if (item.inpatientOnly && !visit.inpatient) hit('CARE_MODE', '限住院使用');
    if (item.priceCapFen !== null && line.unitPriceFen > item.priceCapFen) {
      const over = Math.max(0, line.amountFen - Math.round(item.priceCapFen * line.quantity));
      hit('PRICE_CAP', `单价超过支付标准`, over);
    }
  }
  if (k.schemes && !k.schemes.includes(visit.insutype)) hit('SCHEME', `限 ${k.schemes.join('、')} 险种`);
  if (k.minLevel !== undefined && visit.institutionLevel < k.minLevel)
    hit('INSTITUTION_LEVEL', `限 ${k.minLevel} 级及以上机构`);
  if (k.indications && !visit.diagnoses.some((d) => k.indications!.some((p) => d.startsWith(p)))) {
    hit('INDICATION', `限适应症 ${k.indications.join('、')}`);
  }
  if (k.maxQuantity !== undefined && line.quantity > k.maxQuantity)
    hit('QUANTITY', `单次限量 ${k.maxQuantity}`);
  if (k.maxCourse !== undefined && line.quantity > k.maxCourse) hit('COURSE', `疗程上限 ${k.maxCourse}`);
  if (
    visit.inpatient &&
    (line.date < visit.beginDate || (visit.endDate !== null && line.date > visit.endDate))
  ) {
    hit('FEE_OUTSIDE_STAY', '费用日期不在住院期间');
  }
  if (person.deathDate !== null && line.date > person.deathDate)
    hit('AFTER_DEATH_FEE', `死亡日期 ${person.deathDate} 之后`);
  return out;
}

/**
 * The batch scan's test of an item's indications, as one regular expression over the text of the
 * visit's diagnosis codes as a JSON array (`["I10.x00", "J06.900"]`): a code starting with one of
 * the prefixes follows a quotation mark. Every character but a letter or digit is escaped. No
 * prefixes, no test (null).
 */
export function indicationPattern(prefixes: readonly string[]): string | null {
  if (prefixes.length === 0) return null;
  return `"(${prefixes.map((p) => p.replace(/[^A-Za-z0-9]/g, (ch) => `\\${ch}`)).join('|')})`;
}
