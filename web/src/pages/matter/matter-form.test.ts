import assert from 'node:assert/strict';
import { test } from 'node:test';
import { materialLists, payloadOf } from './matter-form.ts';

const LIST = [
  { name: '身份证件', replaceable: false, deferrable: false },
  { name: '出生医学证明', replaceable: true, deferrable: true },
  { name: '户口簿', replaceable: true, deferrable: false },
];

test('ticks become handed-in and deferred lists; a non-deferrable material cannot be deferred', () => {
  assert.deepEqual(
    materialLists(LIST, { 身份证件: 'handed_in', 出生医学证明: 'deferred', 户口簿: 'deferred' }),
    {
      handedIn: ['身份证件'],
      deferred: ['出生医学证明'],
    },
  );
});

test('a registration payload: amounts in 元 become fen, a new household when none is chosen', () => {
  const p = payloadOf('person.register', {
    certno: ' 410926202611200011 ',
    name: '王小宝',
    villageCode: '410926101001',
    enroll: true,
    personalYuan: '400',
    fiscalYuan: '700.00',
  });
  assert.deepEqual(p, {
    certno: '410926202611200011',
    name: '王小宝',
    phone: null,
    villageCode: '410926101001',
    householdNo: null,
    relation: null,
    address: null,
    enroll: { personalFen: 40000, fiscalFen: 70000, contributionReason: null },
  });
});

test('a change payload carries only what changes', () => {
  assert.deepEqual(
    payloadOf('person.change', { psnNo: '4109260000000001', phone: '13912345678', newName: '' }),
    {
      psnNo: '4109260000000001',
      phone: '13912345678',
    },
  );
});
