import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoContribution } from '../settlement/demo-policy.ts';
import { parsePolicy } from '../settlement/policy.ts';
import { demoResidentPolicy } from '../settlement/demo-policy.ts';
import { isAppError } from '../shared/errors.ts';
import { type ContributionCandidate, checkContribution, expectedContribution } from './contribution-rules.ts';

const STD = demoContribution(2026);
const resident = (over: Partial<ContributionCandidate> = {}): ContributionCandidate => ({
  insutype: '390',
  personalFen: 40_000,
  fiscalFen: 70_000,
  assistedFen: 0,
  assistedIdentity: null,
  reason: null,
  ...over,
});
const codeOf = (e: ReturnType<typeof checkContribution>) => e?.code ?? null;

test('the demo standard: 2026 400 + 700 元, 2025 380 + 670 元; 特困 full, 低保 200 元', () => {
  assert.deepEqual([STD.personalFen, STD.fiscalFen], [40_000, 70_000]);
  const y25 = demoContribution(2025);
  assert.deepEqual([y25.personalFen, y25.fiscalFen], [38_000, 67_000]);
  assert.deepEqual(expectedContribution(STD, 'tekun'), {
    personalFen: 0,
    fiscalFen: 70_000,
    assistedFen: 40_000,
  });
  assert.deepEqual(expectedContribution(STD, 'dibao'), {
    personalFen: 20_000,
    fiscalFen: 70_000,
    assistedFen: 20_000,
  });
  assert.equal(expectedContribution(STD, 'shedu'), null);
  // the resident policy carries it and it validates; an employee policy may not
  assert.deepEqual(parsePolicy(demoResidentPolicy('410926', 2026)).contribution, STD);
  assert.throws(
    () => parsePolicy({ ...demoResidentPolicy('410926', 2026), insutype: '310' }),
    /缴费标准只适用于城乡居民医保/,
  );
});

test('amounts on the standard pass, with or without a subsidy', () => {
  assert.equal(checkContribution(resident(), STD, 2026), null);
  assert.equal(
    checkContribution(
      resident({ personalFen: 0, assistedFen: 40_000, assistedIdentity: 'tekun' }),
      STD,
      2026,
    ),
    null,
  );
  assert.equal(
    checkContribution(
      resident({ personalFen: 20_000, assistedFen: 20_000, assistedIdentity: 'dibao' }),
      STD,
      2026,
    ),
    null,
  );
});

test('an amount off the standard is refused without a reason, naming the field and the standard', () => {
  const e = checkContribution(resident({ personalFen: 38_000 }), STD, 2026);
  assert.equal(codeOf(e), 'CONTRIBUTION_OFF_STANDARD');
  assert.deepEqual(e?.details, {
    field: 'personalFen',
    expected: { personalFen: 40_000, fiscalFen: 70_000, assistedFen: 0 },
  });
  assert.match(e?.message ?? '', /2026 年城乡居民医保缴费标准为 个人缴费 400\.00 元、财政补助 700\.00 元/);
  const dibao = checkContribution(
    resident({ personalFen: 40_000, assistedFen: 40_000, assistedIdentity: 'dibao' }),
    STD,
    2026,
  );
  assert.equal(codeOf(dibao), 'CONTRIBUTION_OFF_STANDARD');
  assert.match(dibao?.message ?? '', /（低保资助参保）/);
  assert.equal((dibao?.details as { field?: string } | undefined)?.field, 'personalFen');
  // an identity the standard sets no subsidy for
  const none = checkContribution(resident({ assistedFen: 100, assistedIdentity: 'shedu' }), STD, 2026);
  assert.equal(codeOf(none), 'CONTRIBUTION_OFF_STANDARD');
  assert.match(none?.message ?? '', /没有涉毒人员身份的资助标准/);
});

test('with a reason an off-standard amount is accepted', () => {
  assert.equal(
    checkContribution(resident({ personalFen: 38_000, reason: '2025 年标准补缴' }), STD, 2026),
    null,
  );
  assert.equal(
    codeOf(checkContribution(resident({ personalFen: 38_000, reason: '   ' }), STD, 2026)),
    'CONTRIBUTION_OFF_STANDARD',
  );
});

test('zero personal and zero fiscal is refused without a reason, with or without a standard', () => {
  for (const std of [STD, null]) {
    assert.equal(
      codeOf(checkContribution(resident({ personalFen: 0, fiscalFen: 0 }), std, 2026)),
      'CONTRIBUTION_ZERO',
    );
    assert.equal(
      codeOf(checkContribution(resident({ insutype: '310', personalFen: 0, fiscalFen: 0 }), std, 2026)),
      'CONTRIBUTION_ZERO',
    );
  }
  assert.equal(
    checkContribution(resident({ personalFen: 0, fiscalFen: 0, reason: '政策性免缴' }), STD, 2026),
    null,
  );
  // maternity is paid by the employer alone
  assert.equal(
    checkContribution(resident({ insutype: '510', personalFen: 0, fiscalFen: 0 }), STD, 2026),
    null,
  );
});

test('no standard on file, or an employee: amounts other than zero/zero are not judged', () => {
  assert.equal(checkContribution(resident({ personalFen: 1 }), null, 2026), null);
  assert.equal(
    checkContribution(resident({ insutype: '310', personalFen: 123_456, fiscalFen: 0 }), STD, 2026),
    null,
  );
  assert.ok(!isAppError(null));
});
