import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  type CatalogueInput,
  checkCatalogueItem,
  checkInstitution,
  type InstitutionInput,
} from './reference-rules.ts';

const hosp: InstitutionInput = {
  code: 'H41092600001',
  kind: 'hospital',
  level: 2,
  agreementFrom: '2026-01-01',
  agreementTo: '2028-12-31',
};
const item: CatalogueInput = {
  chrgitmLv: '02',
  firstShareBp: 1000,
  priceCapFen: 2580,
  genderLimit: null,
  minAge: null,
  maxAge: null,
  validFrom: '2026-01-01',
  validTo: null,
};

test('a graded hospital and a pharmacy without grade pass', () => {
  assert.equal(checkInstitution(hosp), null);
  assert.equal(checkInstitution({ ...hosp, code: 'P41092600001', kind: 'pharmacy', level: null }), null);
  assert.equal(checkInstitution({ ...hosp, kind: 'village_clinic', level: null }), null);
});

test('institution code: H/P + 11 digits, P exactly for pharmacies', () => {
  assert.equal(checkInstitution({ ...hosp, code: 'H4109260001' })?.code, 'INSTITUTION_CODE_FORMAT');
  assert.equal(checkInstitution({ ...hosp, code: 'X41092600001' })?.code, 'INSTITUTION_CODE_FORMAT');
  assert.equal(checkInstitution({ ...hosp, code: 'P41092600001' })?.code, 'INSTITUTION_CODE_FORMAT');
});

test('hospitals need a grade; pharmacies have none', () => {
  assert.deepEqual(checkInstitution({ ...hosp, level: null })?.details, { field: 'level' });
  assert.equal(
    checkInstitution({ ...hosp, code: 'P41092600001', kind: 'pharmacy', level: 1 })?.code,
    'INSTITUTION_LEVEL_INVALID',
  );
  assert.equal(checkInstitution({ ...hosp, level: 4 })?.code, 'INSTITUTION_LEVEL_INVALID');
});

test('agreement period must not end before it begins', () => {
  assert.equal(checkInstitution({ ...hosp, agreementTo: '2025-12-31' })?.code, 'PERIOD_INVALID');
  assert.equal(checkInstitution({ ...hosp, agreementTo: '2026-01-01' }), null);
});

test('class B first share only for class B, 0–10000 bp', () => {
  assert.equal(checkCatalogueItem(item), null);
  assert.equal(checkCatalogueItem({ ...item, chrgitmLv: '01' })?.code, 'CATALOGUE_FIRST_SHARE');
  assert.equal(checkCatalogueItem({ ...item, firstShareBp: 10001 })?.code, 'CATALOGUE_FIRST_SHARE');
  assert.equal(checkCatalogueItem({ ...item, chrgitmLv: '01', firstShareBp: null }), null);
});

test('price cap is positive integer fen', () => {
  assert.equal(checkCatalogueItem({ ...item, priceCapFen: 0 })?.code, 'CATALOGUE_PRICE_CAP');
  assert.equal(checkCatalogueItem({ ...item, priceCapFen: 12.5 })?.code, 'CATALOGUE_PRICE_CAP');
});

test('age limits must be ordered; validity must not end before it begins', () => {
  assert.equal(checkCatalogueItem({ ...item, minAge: 18, maxAge: 14 })?.code, 'CATALOGUE_AGE_LIMIT');
  assert.equal(checkCatalogueItem({ ...item, minAge: 0, maxAge: 14 }), null);
  assert.equal(checkCatalogueItem({ ...item, validTo: '2025-12-31' })?.code, 'PERIOD_INVALID');
});
