// Enrollment input rules of the "safe to deploy" issue: coverage starts at birth at the earliest,
// and no message of the enrollment or identity rules shows an internal code to people.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoContribution } from '../settlement/demo-policy.ts';
import type { AppError } from '../shared/errors.ts';
import { checkContribution } from './contribution-rules.ts';
import { checkEnrollment, type EnrollmentCandidate, type EnrollmentContext } from './enrollment-rules.ts';
import { checkEndSpell, checkNewSpell } from './identity-rules.ts';

const resident = (over: Partial<EnrollmentCandidate> = {}): EnrollmentCandidate => ({
  insutype: '390',
  beginDate: '2026-01-01',
  endDate: '2026-12-31',
  assistedFen: 0,
  assistedIdentity: null,
  employerName: null,
  ...over,
});
const ctx = (over: Partial<EnrollmentContext> = {}): EnrollmentContext => ({
  person: { status: 'normal', deathDate: null, birthDate: '2026-03-10' },
  existing: [],
  identities: [],
  subsidisingIdentityCodes: ['dibao', 'tekun', 'tuopin'],
  ...over,
});

test('a newborn is covered from the birth date, never before', () => {
  assert.equal(checkEnrollment(resident({ beginDate: '2026-03-10' }), ctx()), null);
  assert.equal(checkEnrollment(resident({ beginDate: '2026-05-01' }), ctx()), null);
  const e = checkEnrollment(resident({ beginDate: '2026-03-09' }), ctx());
  assert.equal(e?.code, 'ENROLLMENT_BEFORE_BIRTH');
  assert.deepEqual(e?.details, { field: 'beginDate', birthDate: '2026-03-10' });
  assert.equal(e?.message, '参保开始日期 2026-03-09 早于该人员的出生日期 2026-03-10；新生儿自出生之日起参保');
});

// ASCII words of two or more letters: codes such as tekun, dibao, ENROLLMENT_OVERLAP. Digits (dates,
// amounts, person numbers) are data people read; U+XXXX does not occur in these rules.
const CODE_WORD = /[A-Za-z_]{2,}/;

test('messages of the enrollment, contribution and identity rules contain no code words', () => {
  const spell = { id: 1, code: 'tekun', validFrom: '2025-01-01', validTo: null };
  const errors: (AppError | null)[] = [
    checkEnrollment(resident({ insutype: 'abc' }), ctx()),
    checkEnrollment(resident({ beginDate: '2026-02-30' }), ctx()),
    checkEnrollment(resident({ insutype: '310', endDate: '2026-12-31' }), ctx()),
    checkEnrollment(resident({ beginDate: '2026-04-01', endDate: '2027-01-31' }), ctx()),
    checkEnrollment(resident({ beginDate: '2026-01-01' }), ctx()),
    checkEnrollment(
      resident({ beginDate: '2026-04-01' }),
      ctx({ person: { status: 'deceased', deathDate: '2026-03-20' } }),
    ),
    checkEnrollment(
      resident({ beginDate: '2026-04-01' }),
      ctx({
        existing: [
          { id: 7, insutype: '390', beginDate: '2026-03-10', endDate: '2026-12-31', status: 'active' },
        ],
      }),
    ),
    checkEnrollment(resident({ beginDate: '2026-04-01', assistedFen: 100 }), ctx()),
    checkEnrollment(
      resident({ beginDate: '2026-04-01', assistedFen: 100, assistedIdentity: 'shedu' }),
      ctx(),
    ),
    checkEnrollment(
      resident({ beginDate: '2026-04-01', assistedFen: 100, assistedIdentity: 'tekun' }),
      ctx(),
    ),
    checkEnrollment(
      resident({ beginDate: '2026-04-01', assistedFen: 100, assistedIdentity: 'no_such' }),
      ctx(),
    ),
    checkContribution(
      { insutype: '390', personalFen: 0, fiscalFen: 0, assistedFen: 0, assistedIdentity: null, reason: null },
      null,
      2026,
    ),
    checkContribution(
      {
        insutype: '390',
        personalFen: 40_000,
        fiscalFen: 70_000,
        assistedFen: 40_000,
        assistedIdentity: 'tekun',
        reason: null,
      },
      demoContribution(2026),
      2026,
    ),
    checkContribution(
      {
        insutype: '390',
        personalFen: 1,
        fiscalFen: 70_000,
        assistedFen: 1,
        assistedIdentity: 'shedu',
        reason: null,
      },
      demoContribution(2026),
      2026,
    ),
    checkNewSpell({ code: 'tekun', validFrom: '2026-02-30', validTo: null }, []),
    checkNewSpell({ code: 'tekun', validFrom: '2026-03-01', validTo: '2026-01-01' }, []),
    checkNewSpell({ code: 'tekun', validFrom: '2026-03-01', validTo: null }, [spell]),
    checkEndSpell({ ...spell, validTo: '2026-01-01' }, '2026-02-01'),
    checkEndSpell(spell, '2024-01-01'),
  ];
  for (const [i, e] of errors.entries()) {
    assert.ok(e, `case ${i} should be refused`);
    assert.doesNotMatch(e.message, CODE_WORD, `case ${i} (${e.code}): ${e.message}`);
    assert.match(e.message, /[\u4e00-\u9fff]/);
  }
});
