import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkEndSpell, checkNewSpell, openOn } from './identity-rules.ts';

const dibao = { id: 1, code: 'dibao', validFrom: '2024-01-01', validTo: '2024-12-31' };
const openTekun = { id: 2, code: 'tekun', validFrom: '2025-06-01', validTo: null };

test('a new spell after a gap (or touching the end) is fine', () => {
  assert.equal(checkNewSpell({ code: 'dibao', validFrom: '2025-01-01', validTo: null }, [dibao]), null);
});

test('overlapping spells of the same identity are refused; other identities do not clash', () => {
  const e = checkNewSpell({ code: 'dibao', validFrom: '2024-12-31', validTo: null }, [dibao]);
  assert.equal(e?.code, 'IDENTITY_OVERLAP');
  assert.equal(e?.kind, 'conflict');
  assert.equal(checkNewSpell({ code: 'dibao', validFrom: '2025-07-01', validTo: null }, [openTekun]), null);
});

test('an open spell overlaps anything later of the same identity', () => {
  assert.equal(
    checkNewSpell({ code: 'tekun', validFrom: '2030-01-01', validTo: '2030-02-01' }, [openTekun])?.code,
    'IDENTITY_OVERLAP',
  );
  assert.equal(
    checkNewSpell({ code: 'tekun', validFrom: '2020-01-01', validTo: '2025-05-31' }, [openTekun]),
    null,
  );
});

test('validFrom after validTo is refused', () => {
  const e = checkNewSpell({ code: 'dibao', validFrom: '2025-02-01', validTo: '2025-01-31' }, []);
  assert.equal(e?.code, 'PERIOD_INVALID');
  assert.deepEqual(e?.details, { field: 'validTo' });
  assert.equal(checkNewSpell({ code: 'dibao', validFrom: '2025-02-01', validTo: '2025-02-01' }, []), null);
});

test('ending a spell: not before its start, not twice', () => {
  assert.equal(checkEndSpell(openTekun, '2025-06-01'), null);
  assert.equal(checkEndSpell(openTekun, '2025-05-31')?.code, 'PERIOD_INVALID');
  assert.equal(checkEndSpell(dibao, '2025-01-01')?.code, 'IDENTITY_ALREADY_ENDED');
});

test('open identities on a day', () => {
  assert.deepEqual(openOn([dibao, openTekun], '2024-06-01'), ['dibao']);
  assert.deepEqual(openOn([dibao, openTekun], '2026-01-01'), ['tekun']);
  assert.deepEqual(openOn([dibao, openTekun], '2025-01-15'), []);
});
