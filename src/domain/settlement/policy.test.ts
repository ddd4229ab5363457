import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { demoPolicies } from './demo-policy.ts';
import { parsePolicy } from './policy.ts';

// biome-ignore lint/suspicious/noExplicitAny: the tests break arbitrary fields of a valid document
const good = () => structuredClone(demoPolicies('411625', 2026)[0]!) as unknown as Record<string, any>;

function rejects(doc: unknown, field: RegExp) {
  assert.throws(
    () => parsePolicy(doc),
    (e: unknown) =>
      e instanceof AppError &&
      e.code === 'POLICY_INVALID' &&
      e.kind === 'bad_request' &&
      field.test(e.message),
  );
}

test('the demo policies are valid documents and parse to themselves', () => {
  for (const p of demoPolicies('411625', 2026))
    assert.deepEqual(parsePolicy(JSON.parse(JSON.stringify(p))), p);
});

test('a ratio above 100 % names its field', () => {
  const d = good();
  d.inpatient.ratioBp['2'] = 12000;
  rejects(d, /字段 inpatient\.ratioBp\.2 有误：比例不能超过 10000 基点/);
});

test('money must be integer fen', () => {
  const d = good();
  d.basicFundAnnualCapFen = 150000.5;
  rejects(d, /字段 basicFundAnnualCapFen 有误/);
});

test('tiers must rise and end open', () => {
  const d = good();
  d.criticalIllness.tiers[1].upToFen = 1_000_000;
  rejects(d, /criticalIllness\.tiers\[1\]\.upToFen 有误：分段上限必须递增/);
  const e = good();
  e.criticalIllness.tiers[2].upToFen = 99_999_999;
  rejects(e, /criticalIllness\.tiers\[2\]\.upToFen 有误：最后一段的上限必须为 null/);
});

test('missing, unknown and inconsistent fields are refused', () => {
  const d = good();
  delete d.version;
  rejects(d, /字段 version 有误/);
  const u = good();
  u.inpatient.bonus = 1;
  rejects(u, /字段 inpatient 有误/);
  const dates = good();
  dates.effectiveTo = '2025-12-31';
  rejects(dates, /字段 effectiveTo 有误：失效日期不能早于生效日期/);
  const bad = good();
  bad.effectiveFrom = '2026-02-30';
  rejects(bad, /字段 effectiveFrom 有误：不是有效日期/);
  const acct = good();
  acct.personalAccount = true;
  rejects(acct, /只有职工医保（310）有个人账户/);
  const dup = good();
  dup.specialDiseases[1].code = 'I10';
  rejects(dup, /specialDiseases\[1\]\.code 有误：病种代码 I10 重复/);
  rejects(null, /整个文件/);
  rejects('policy', /整个文件/);
});
