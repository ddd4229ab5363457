import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkContribution, suggestContribution } from './contribution-rules.ts';

const std = {
  personalFen: 40_000,
  fiscalFen: 70_000,
  subsidies: [
    { identity: 'tekun', assistedFen: null },
    { identity: 'dibao', assistedFen: 20_000 },
  ],
};
const spell = (code: string, validFrom: string, validTo: string | null = null) => ({
  code,
  validFrom,
  validTo,
});

test('without a subsidising identity the person pays the standard', () => {
  assert.deepEqual(suggestContribution(std, [spell('tuiyi', '2020-01-01')], '2027-01-01'), {
    personalFen: 40_000,
    fiscalFen: 70_000,
    assistedFen: 0,
    assistedIdentity: null,
  });
});

test('the most favourable identity valid on the begin date wins: 特困 over 低保', () => {
  const s = suggestContribution(
    std,
    [spell('dibao', '2020-01-01'), spell('tekun', '2026-06-01')],
    '2027-01-01',
  );
  assert.deepEqual(s, { personalFen: 0, fiscalFen: 70_000, assistedFen: 40_000, assistedIdentity: 'tekun' });
});

test('a spell ended before, or starting after, the begin date does not count', () => {
  const s = suggestContribution(
    std,
    [spell('tekun', '2020-01-01', '2026-12-31'), spell('dibao', '2027-01-02')],
    '2027-01-01',
  );
  assert.equal(s.assistedIdentity, null);
});

test('the suggestion always passes the counter’s own check', () => {
  const s = suggestContribution(std, [spell('dibao', '2020-01-01')], '2027-01-01');
  assert.equal(checkContribution({ insutype: '390', ...s, reason: null }, std, 2027), null);
});
