import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  checkEnrollment,
  defaultEndDate,
  type EnrollmentCandidate,
  type EnrollmentContext,
  isIsoDate,
} from './enrollment-rules.ts';

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
  person: { status: 'normal', deathDate: null },
  existing: [],
  identities: [],
  subsidisingIdentityCodes: ['dibao', 'tekun', 'tuopin'],
  ...over,
});

const codeOf = (e: ReturnType<typeof checkEnrollment>) => e?.code ?? null;
const fieldOf = (e: ReturnType<typeof checkEnrollment>) =>
  (e?.details as { field?: string } | undefined)?.field;

describe('checkEnrollment', () => {
  test('a plain resident enrollment for one calendar year passes', () => {
    assert.equal(checkEnrollment(resident(), ctx()), null);
  });

  describe('ENROLLMENT_OVERLAP', () => {
    const y2025 = {
      id: 7,
      insutype: '390',
      beginDate: '2025-01-01',
      endDate: '2025-12-31',
      status: 'active',
    };
    test('periods that merely touch (12-31 then 01-01) do not overlap', () => {
      assert.equal(checkEnrollment(resident(), ctx({ existing: [y2025] })), null);
    });
    test('sharing a single day overlaps', () => {
      const e = checkEnrollment(
        resident({ beginDate: '2025-12-31', endDate: '2025-12-31' }),
        ctx({ existing: [y2025] }),
      );
      assert.equal(codeOf(e), 'ENROLLMENT_OVERLAP');
      assert.equal(e?.kind, 'conflict');
      assert.equal(fieldOf(e), 'beginDate');
      assert.equal((e?.details as { existingId?: number } | undefined)?.existingId, 7);
    });
    test('a period inside an existing one overlaps', () => {
      const e = checkEnrollment(
        resident({ beginDate: '2025-03-01', endDate: '2025-04-30' }),
        ctx({ existing: [y2025] }),
      );
      assert.equal(codeOf(e), 'ENROLLMENT_OVERLAP');
    });
    test('another scheme in the same period does not overlap', () => {
      const c = resident({
        insutype: '310',
        beginDate: '2025-06-01',
        endDate: '2025-12-31',
        employerName: '县供销社',
      });
      assert.equal(checkEnrollment(c, ctx({ existing: [y2025] })), null);
    });
    test('a stopped enrollment no longer blocks its period', () => {
      const stopped = { ...y2025, status: 'stopped' };
      assert.equal(
        checkEnrollment(
          resident({ beginDate: '2025-05-01', endDate: '2025-12-31' }),
          ctx({ existing: [stopped] }),
        ),
        null,
      );
    });
    test('a correction does not overlap with itself (excludeId)', () => {
      const c = resident({ beginDate: '2025-02-01', endDate: '2025-12-31' });
      assert.equal(codeOf(checkEnrollment(c, ctx({ existing: [y2025] }))), 'ENROLLMENT_OVERLAP');
      assert.equal(checkEnrollment(c, ctx({ existing: [y2025] }), 7), null);
    });
  });

  describe('ENROLLMENT_AFTER_DEATH', () => {
    const dead = (deathDate: string) => ctx({ person: { status: 'deceased', deathDate } });
    test('a period beginning after the death date is refused', () => {
      const e = checkEnrollment(resident(), dead('2025-11-20'));
      assert.equal(codeOf(e), 'ENROLLMENT_AFTER_DEATH');
      assert.equal(fieldOf(e), 'beginDate');
    });
    test('a period beginning on or before the death date is allowed (the year he died)', () => {
      assert.equal(checkEnrollment(resident(), dead('2026-01-01')), null);
      assert.equal(checkEnrollment(resident(), dead('2026-06-30')), null);
    });
    test('deceased without a known date is refused outright', () => {
      assert.equal(
        codeOf(checkEnrollment(resident(), ctx({ person: { status: 'deceased', deathDate: null } }))),
        'PERSON_DECEASED',
      );
    });
  });

  describe('SUBSIDY_WITHOUT_IDENTITY', () => {
    const dibao = { code: 'dibao', validFrom: '2025-03-01', validTo: null };
    const sub = (over: Partial<EnrollmentCandidate> = {}) =>
      resident({ assistedFen: 38000, assistedIdentity: 'dibao', ...over });
    test('a subsidy with an identity valid on the begin date passes', () => {
      assert.equal(checkEnrollment(sub(), ctx({ identities: [dibao] })), null);
    });
    test('identity valid from exactly the begin date counts', () => {
      assert.equal(
        checkEnrollment(sub(), ctx({ identities: [{ ...dibao, validFrom: '2026-01-01' }] })),
        null,
      );
    });
    test('identity starting after the begin date does not count', () => {
      const e = checkEnrollment(sub(), ctx({ identities: [{ ...dibao, validFrom: '2026-01-02' }] }));
      assert.equal(codeOf(e), 'SUBSIDY_WITHOUT_IDENTITY');
      assert.equal(fieldOf(e), 'assistedIdentity');
    });
    test('identity ended before the begin date does not count; ended on it does', () => {
      assert.equal(
        codeOf(checkEnrollment(sub(), ctx({ identities: [{ ...dibao, validTo: '2025-12-31' }] }))),
        'SUBSIDY_WITHOUT_IDENTITY',
      );
      assert.equal(checkEnrollment(sub(), ctx({ identities: [{ ...dibao, validTo: '2026-01-01' }] })), null);
    });
    test('the named identity must be the one held', () => {
      const e = checkEnrollment(sub({ assistedIdentity: 'tekun' }), ctx({ identities: [dibao] }));
      assert.equal(codeOf(e), 'SUBSIDY_WITHOUT_IDENTITY');
    });
    test('a subsidy without a named identity is refused', () => {
      assert.equal(
        codeOf(checkEnrollment(sub({ assistedIdentity: null }), ctx({ identities: [dibao] }))),
        'SUBSIDY_WITHOUT_IDENTITY',
      );
    });
    test('a non-subsidising identity (退役军人) cannot carry a subsidy', () => {
      const e = checkEnrollment(
        sub({ assistedIdentity: 'tuiyi' }),
        ctx({ identities: [{ code: 'tuiyi', validFrom: '2020-01-01', validTo: null }] }),
      );
      assert.equal(codeOf(e), 'SUBSIDY_WITHOUT_IDENTITY');
    });
    test('no subsidy needs no identity', () => {
      assert.equal(checkEnrollment(resident({ assistedIdentity: 'dibao' }), ctx()), null);
    });
  });

  describe('EMPLOYER_REQUIRED', () => {
    const emp = (employerName: string | null) =>
      resident({ insutype: '310', beginDate: '2026-03-01', endDate: '2026-12-31', employerName });
    test('310 without employer is refused, blank counts as missing', () => {
      assert.equal(codeOf(checkEnrollment(emp(null), ctx())), 'EMPLOYER_REQUIRED');
      assert.equal(fieldOf(checkEnrollment(emp('  '), ctx())), 'employerName');
    });
    test('310 with employer passes, and may span years', () => {
      assert.equal(checkEnrollment(emp('范县第一中学'), ctx()), null);
      assert.equal(checkEnrollment({ ...emp('范县第一中学'), endDate: '2027-06-30' }, ctx()), null);
    });
  });

  describe('RESIDENT_CALENDAR_YEAR and PERIOD_INVALID', () => {
    test('a 390 period crossing the year end is refused', () => {
      const e = checkEnrollment(resident({ beginDate: '2026-07-01', endDate: '2027-06-30' }), ctx());
      assert.equal(codeOf(e), 'RESIDENT_CALENDAR_YEAR');
      assert.equal(fieldOf(e), 'endDate');
    });
    test('a 390 period without end date runs to 12-31 of its begin year', () => {
      assert.equal(defaultEndDate('390', '2026-04-15', null), '2026-12-31');
      assert.equal(defaultEndDate('390', '2026-04-15', '2026-10-31'), '2026-10-31');
      assert.equal(defaultEndDate('310', '2026-04-15'), null);
      const y = { id: 1, insutype: '390', beginDate: '2026-12-31', endDate: '2026-12-31', status: 'active' };
      assert.equal(
        codeOf(checkEnrollment(resident({ beginDate: '2026-04-15', endDate: null }), ctx({ existing: [y] }))),
        'ENROLLMENT_OVERLAP',
      );
    });
    test('end before begin is refused', () => {
      const e = checkEnrollment(resident({ beginDate: '2026-05-01', endDate: '2026-04-30' }), ctx());
      assert.equal(codeOf(e), 'PERIOD_INVALID');
      assert.equal(fieldOf(e), 'endDate');
    });
    test('impossible dates and unknown schemes are refused', () => {
      assert.equal(fieldOf(checkEnrollment(resident({ beginDate: '2026-02-30' }), ctx())), 'beginDate');
      assert.equal(fieldOf(checkEnrollment(resident({ insutype: '999' }), ctx())), 'insutype');
      assert.equal(
        fieldOf(checkEnrollment(resident({ insutype: '310', endDate: null, employerName: 'x' }), ctx())),
        'endDate',
      );
    });
    test('every error carries a Chinese message', () => {
      const e = checkEnrollment(resident({ beginDate: '2026-07-01', endDate: '2027-06-30' }), ctx());
      assert.match(e?.message ?? '', /[\u4e00-\u9fff]/);
    });
  });

  test('isIsoDate', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2025-02-29'), false);
    assert.equal(isIsoDate('2025-1-01'), false);
  });
});
