import assert from 'node:assert/strict';
import test from 'node:test';
import { demoEmployeePolicy, demoResidentPolicy } from './demo-policy.ts';
import { type EntitlementFacts, entitlements } from './entitlement.ts';

const resident = demoResidentPolicy('410926', 2026);
const facts = (over: Partial<EntitlementFacts>): EntitlementFacts => ({
  insutype: '390',
  onDate: '2026-03-15',
  name: '王安',
  deathDate: null,
  enrollment: { begin: '2026-01-01', end: '2026-12-31' },
  policy: resident,
  identities: [],
  ...over,
});
const brief = (f: EntitlementFacts) => entitlements(f).map((e) => [e.fund, e.enjoys]);

test('an enrolled resident draws on the basic fund and 大病; without an aid identity, not on 救助', () => {
  assert.deepEqual(brief(facts({})), [
    ['basic', true],
    ['critical', true],
    ['assistance', false],
  ]);
  const rows = entitlements(facts({}));
  assert.equal(rows[0]!.from, '2026-01-01');
  assert.equal(rows[0]!.to, '2026-12-31');
  assert.match(rows[2]!.reason, /未认定医疗救助对象身份/);
});

test('医疗救助 follows an identity the policy pays for, held on the date', () => {
  const tekun = facts({ identities: [{ code: 'tekun', validFrom: '2025-01-01', validTo: null }] });
  const aid = entitlements(tekun).find((e) => e.fund === 'assistance')!;
  assert.equal(aid.enjoys, true);
  assert.equal(aid.from, '2025-01-01');
  assert.match(aid.reason, /特困/);
  // a spell that ended before the date, or an identity no scheme pays for, does not count
  const ended = facts({ identities: [{ code: 'tekun', validFrom: '2025-01-01', validTo: '2026-02-28' }] });
  assert.equal(entitlements(ended).find((e) => e.fund === 'assistance')!.enjoys, false);
  const other = facts({ identities: [{ code: 'youfu', validFrom: '2025-01-01', validTo: null }] });
  assert.equal(entitlements(other).find((e) => e.fund === 'assistance')!.enjoys, false);
});

test('not enrolled, dead, or no policy: nothing is enjoyed, and the reason says why', () => {
  for (const [f, reason] of [
    [facts({ enrollment: null }), /未参加城乡居民基本医疗保险/],
    [facts({ deathDate: '2026-03-10' }), /已于 2026-03-10 死亡/],
    [facts({ policy: null }), /没有生效的城乡居民基本医疗保险待遇政策/],
  ] as const) {
    const rows = entitlements(f);
    assert.ok(rows.every((e) => !e.enjoys));
    assert.match(rows[0]!.reason, reason);
  }
  // dying on the day still counts for that day
  assert.equal(entitlements(facts({ deathDate: '2026-03-15' }))[0]!.enjoys, true);
  // an aid identity does not make up for a missing enrollment
  const tekun = facts({
    enrollment: null,
    identities: [{ code: 'tekun', validFrom: '2025-01-01', validTo: null }],
  });
  assert.equal(entitlements(tekun).find((e) => e.fund === 'assistance')!.enjoys, false);
});

test('an employee: the basic fund, 大额 and the personal account as the policy has them', () => {
  const employee = demoEmployeePolicy('410926', 2026);
  const funds = entitlements(facts({ insutype: '310', policy: employee })).map((e) => e.fund);
  assert.equal(funds[0], 'basic');
  assert.equal(funds.includes('account'), employee.personalAccount);
  assert.equal(funds.includes('critical'), employee.criticalIllness !== null);
  assert.match(
    entitlements(facts({ insutype: '310', policy: employee, enrollment: null }))[0]!.reason,
    /职工/,
  );
});
