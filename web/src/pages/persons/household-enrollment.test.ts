import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  deviates,
  formRows,
  householdEnrollmentBody,
  type PlanRow,
  rowErrors,
  serverRowErrors,
} from './household-enrollment.ts';

const plan: PlanRow[] = [
  {
    psnNo: '4109260000000001',
    name: '郑大山',
    relation: '户主',
    status: 'normal',
    deathDate: null,
    covered: false,
    skip: null,
    beginDate: '2027-01-01',
    suggestion: {
      personalFen: 40000,
      fiscalFen: 70000,
      assistedFen: 0,
      assistedIdentity: null,
      assistedPayer: null,
    },
  },
  {
    psnNo: '4109260000000002',
    name: '冯桂兰',
    relation: '配偶',
    status: 'normal',
    deathDate: null,
    covered: false,
    skip: null,
    beginDate: '2027-01-01',
    suggestion: {
      personalFen: 20000,
      fiscalFen: 70000,
      assistedFen: 20000,
      assistedIdentity: 'dibao',
      assistedPayer: '民政局',
    },
  },
  {
    psnNo: '4109260000000003',
    name: '郑老爷',
    relation: '父母',
    status: 'deceased',
    deathDate: '2026-05-01',
    covered: false,
    skip: '已于 2026-05-01 死亡',
    beginDate: '2027-01-01',
    suggestion: null,
  },
];

test('rows are prefilled in 元 from the plan; members not to be enrolled are left unselected', () => {
  const rows = formRows(plan);
  assert.deepEqual(
    rows.map((r) => [r.name, r.selected, r.personal, r.fiscal, r.assisted]),
    [
      ['郑大山', true, '400.00', '700.00', '0.00'],
      ['冯桂兰', true, '200.00', '700.00', '200.00'],
      ['郑老爷', false, '', '', '0'],
    ],
  );
  assert.deepEqual(rowErrors(rows), {});
  assert.deepEqual(householdEnrollmentBody(2027, rows).members, [
    {
      psnNo: '4109260000000001',
      personalFen: 40000,
      fiscalFen: 70000,
      assistedFen: 0,
      assistedIdentity: null,
      assistedPayer: null,
      contributionReason: null,
    },
    {
      psnNo: '4109260000000002',
      personalFen: 20000,
      fiscalFen: 70000,
      assistedFen: 20000,
      assistedIdentity: 'dibao',
      assistedPayer: '民政局',
      contributionReason: null,
    },
  ]);
});

test('a deviation from the standard needs a reason; a bad amount is named', () => {
  const rows = formRows(plan);
  rows[0].personal = '380';
  assert.equal(deviates(rows[0]), true);
  assert.match(rowErrors(rows)['4109260000000001'], /缴费说明/);
  rows[0].reason = '按月折算';
  assert.deepEqual(rowErrors(rows), {});
  rows[1].fiscal = '7OO';
  assert.match(rowErrors(rows)['4109260000000002'], /金额/);
});

test("the server's per-member errors land on their rows", () => {
  assert.deepEqual(
    serverRowErrors({ members: [{ psnNo: '1', message: '与已有参保期间重叠' }, { bad: true }] }),
    { '1': '与已有参保期间重叠' },
  );
  assert.deepEqual(serverRowErrors(null), {});
});
