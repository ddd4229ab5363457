import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type ItemFacts,
  type ItemKnowledge,
  indicationPattern,
  type LineFacts,
  lineHits,
  type PersonFacts,
  type VisitFacts,
} from './line-rules.ts';
import { TEMPLATES } from './templates.ts';

// the batch scan matches the pattern against the JSON text of a visit's diagnosis codes
const diagnosed = (codes: string[]) => JSON.stringify(codes).replaceAll('","', '", "');

test('an indication pattern finds a code by its prefix, at the start of a code only', () => {
  const re = new RegExp(indicationPattern(['I10', 'E11'])!);
  assert.equal(re.test(diagnosed(['J06.900', 'I10.x00'])), true);
  assert.equal(re.test(diagnosed(['E11'])), true);
  assert.equal(re.test(diagnosed(['J06.900'])), false);
  assert.equal(re.test(diagnosed(['XI10'])), false, 'a prefix inside a code is no match');
  assert.equal(re.test(diagnosed([])), false);
});

test('an indication pattern escapes every character but letters and digits', () => {
  assert.equal(indicationPattern(['E11.9', 'A+B']), '"(E11\\.9|A\\+B)');
  const re = new RegExp(indicationPattern(['E11.9'])!);
  assert.equal(re.test(diagnosed(['E11.900'])), true);
  assert.equal(re.test(diagnosed(['E11X900'])), false, 'the dot is a dot, not any character');
});

test('no prefixes, no indication test', () => {
  assert.equal(indicationPattern([]), null);
});

// ---- lineHits: every line template at its boundary ----

const ALL = new Set(TEMPLATES.filter((t) => t.grain === 'line').map((t) => t.code));
assert.equal(ALL.size, 11);
const line = (o: Partial<LineFacts> = {}): LineFacts => ({
  itemCode: 'X1',
  date: '2026-03-10',
  quantity: 2,
  unitPriceFen: 1000,
  amountFen: 2000,
  ...o,
});
const plain: ItemFacts = {
  genderLimit: null,
  minAge: null,
  maxAge: null,
  inpatientOnly: false,
  priceCapFen: null,
};
const stay: VisitFacts = {
  inpatient: true,
  insutype: '390',
  beginDate: '2026-03-01',
  endDate: '2026-03-15',
  diagnoses: ['I10.x00'],
  institutionLevel: 2,
};
const ann: PersonFacts = { gender: '2', birthDate: '2008-03-10', deathDate: null };
const rules = (
  o: {
    line?: Partial<LineFacts>;
    item?: Partial<ItemFacts> | null;
    visit?: Partial<VisitFacts>;
    person?: Partial<PersonFacts>;
    k?: ItemKnowledge;
  },
  enabled: ReadonlySet<string> = ALL,
) =>
  lineHits(
    line(o.line),
    o.item === null ? null : { ...plain, ...o.item },
    { ...stay, ...o.visit },
    { ...ann, ...o.person },
    o.k ?? {},
    enabled,
  ).map((h) => `${h.rule}:${h.amountFen}`);

test('a plain line breaks nothing', () => {
  assert.deepEqual(rules({}), []);
  assert.deepEqual(rules({ item: null }), []);
});

test('gender: the item limited to the other gender', () => {
  assert.deepEqual(rules({ item: { genderLimit: '1' } }), ['GENDER:2000']);
  assert.deepEqual(rules({ item: { genderLimit: '2' } }), []);
});

test('age: on the 18th birthday an adult, the day before not; past the maximum from the birthday on', () => {
  // born 2008-03-10: 18 on 2026-03-10
  assert.deepEqual(rules({ item: { minAge: 18 } }), []);
  assert.deepEqual(rules({ item: { minAge: 18 }, line: { date: '2026-03-09' } }), ['AGE:2000']);
  assert.deepEqual(rules({ item: { maxAge: 17 } }), ['AGE:2000']);
  assert.deepEqual(rules({ item: { maxAge: 17 }, line: { date: '2026-03-09' } }), []);
});

test('care mode: an inpatient-only item in an outpatient visit', () => {
  assert.deepEqual(rules({ item: { inpatientOnly: true } }), []);
  assert.deepEqual(rules({ item: { inpatientOnly: true }, visit: { inpatient: false } }), ['CARE_MODE:2000']);
});

test('price cap: at the cap nothing, a fen over it the excess times the quantity', () => {
  assert.deepEqual(rules({ item: { priceCapFen: 1000 } }), []);
  assert.deepEqual(rules({ item: { priceCapFen: 999 } }), ['PRICE_CAP:2']);
  assert.deepEqual(rules({ item: { priceCapFen: 800 }, line: { quantity: 2.5, amountFen: 2500 } }), [
    'PRICE_CAP:500',
  ]);
});

test('scheme, institution level, indication: the knowledge points', () => {
  assert.deepEqual(rules({ k: { schemes: ['310'] } }), ['SCHEME:2000']);
  assert.deepEqual(rules({ k: { schemes: ['310', '390'] } }), []);
  assert.deepEqual(rules({ k: { minLevel: 2 } }), []);
  assert.deepEqual(rules({ k: { minLevel: 3 } }), ['INSTITUTION_LEVEL:2000']);
  assert.deepEqual(rules({ k: { indications: ['I10'] } }), []);
  assert.deepEqual(rules({ k: { indications: ['E11'] } }), ['INDICATION:2000']);
  assert.deepEqual(rules({ k: { indications: ['E11'] }, visit: { diagnoses: ['J06.900', 'E11.900'] } }), []);
  assert.deepEqual(rules({ k: { indications: ['E11'] }, visit: { diagnoses: [] } }), ['INDICATION:2000']);
});

test('quantity and course: the maximum itself is allowed, above it not', () => {
  assert.deepEqual(rules({ k: { maxQuantity: 2, maxCourse: 2 } }), []);
  assert.deepEqual(rules({ k: { maxQuantity: 2, maxCourse: 2 }, line: { quantity: 3, amountFen: 3000 } }), [
    'QUANTITY:3000',
    'COURSE:3000',
  ]);
});

test('fee outside the stay: on the admission and discharge days inside, a day before or after outside', () => {
  assert.deepEqual(rules({ line: { date: '2026-03-01' } }), []);
  assert.deepEqual(rules({ line: { date: '2026-03-15' } }), []);
  assert.deepEqual(rules({ line: { date: '2026-02-28' } }), ['FEE_OUTSIDE_STAY:2000']);
  assert.deepEqual(rules({ line: { date: '2026-03-16' } }), ['FEE_OUTSIDE_STAY:2000']);
  assert.deepEqual(
    rules({ line: { date: '2026-04-01' }, visit: { endDate: null } }),
    [],
    'a stay not yet discharged',
  );
  assert.deepEqual(rules({ line: { date: '2026-02-28' }, visit: { inpatient: false } }), [], 'outpatient');
});

test('after death: on the day of death nothing, the day after the fee', () => {
  assert.deepEqual(rules({ person: { deathDate: '2026-03-10' } }), []);
  assert.deepEqual(rules({ person: { deathDate: '2026-03-09' } }), ['AFTER_DEATH_FEE:2000']);
});

test('a rule not enabled for the stage gives nothing', () => {
  assert.deepEqual(rules({ item: { genderLimit: '1', priceCapFen: 1 } }, new Set(['PRICE_CAP'])), [
    'PRICE_CAP:1998',
  ]);
});
