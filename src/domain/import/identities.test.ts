import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CERT_A, CERT_B, headersOf, IDENTITY_TYPES, person, rowsOf, TODAY } from './fixtures.ts';
import { type IdentityImportContext, identityValidator, type SpellRef } from './identities.ts';

const HEADER = ['身份证号', '姓名', '身份类别', '起始日期', '终止日期', '来源部门'];
const A = person(CERT_A, '张建国');
const B = person(CERT_B, '王芳', { status: 'deceased', statusDate: '2026-02-01', deathDate: '2026-02-01' });

function ctx(spells: SpellRef[] = []): IdentityImportContext {
  return {
    today: TODAY,
    persons: new Map([
      [CERT_A, A],
      [CERT_B, B],
    ]),
    identityTypes: IDENTITY_TYPES,
    spells: new Map([[A.psnNo, spells]]),
  };
}

const run = (c: IdentityImportContext, ...rows: (string | number | Date | null)[][]) => {
  const v = identityValidator(c, headersOf('identities', HEADER));
  return rowsOf(...rows).map(v);
};

test('identity names, codes and the aliases departments use all resolve; the department defaults', () => {
  const rs = run(
    ctx(),
    [CERT_A, '张建国', '低保对象', '2026-01-01', '', ''],
    [CERT_A, '张建国', 'tuopin', '2025/01/01', '', '县乡村振兴局'],
    [CERT_A, '张建国', '三类监测对象', 46023, '', ''],
  );
  assert.deepEqual(
    rs.map((r) =>
      r.ok ? [r.record.identityCode, r.record.validFrom, r.record.sourceDept, r.record.action] : r.errors,
    ),
    [
      ['dibao', '2026-01-01', '民政', 'insert'],
      ['tuopin', '2025-01-01', '县乡村振兴局', 'insert'],
      ['jiance', '2026-01-01', '乡村振兴', 'insert'],
    ],
  );
});

test("a re-sent spell is unchanged; a filled end date corrects it; a blank one keeps the registry's", () => {
  const existing: SpellRef = {
    id: 7,
    identityCode: 'dibao',
    sourceDept: '民政',
    validFrom: '2026-01-01',
    validTo: null,
  };
  const [same] = run(ctx([existing]), [CERT_A, '张建国', '低保', '2026-01-01', '', '']);
  assert.ok(same.ok);
  assert.equal(same.record.action, 'unchanged');
  const [ended] = run(ctx([existing]), [CERT_A, '张建国', '低保', '2026-01-01', '2026-06-30', '']);
  assert.ok(ended.ok);
  assert.equal(ended.record.action, 'update');
  assert.equal(ended.record.existingId, 7);
  assert.deepEqual(ended.record.before, { sourceDept: '民政', validTo: null });
  const closed = { ...existing, validTo: '2026-02-28' };
  const [blank] = run(ctx([closed]), [CERT_A, '张建国', '低保', '2026-01-01', '', '']);
  assert.ok(blank.ok);
  assert.equal(blank.record.action, 'unchanged');
  assert.equal(blank.record.validTo, '2026-02-28');
});

test('overlapping spells of one identity are refused, against the registry and within the file', () => {
  const existing: SpellRef = {
    id: 7,
    identityCode: 'dibao',
    sourceDept: '民政',
    validFrom: '2025-01-01',
    validTo: null,
  };
  const rs = run(
    ctx([existing]),
    [CERT_A, '张建国', '低保', '2026-01-01', '', ''],
    [CERT_A, '张建国', '特困', '2026-01-01', '2026-06-30', ''],
    [CERT_A, '张建国', '特困', '2026-06-01', '', ''],
  );
  assert.equal(rs[0].ok ? '' : rs[0].errors[0].reason, '与已有的同类身份期间（2025-01-01 至 至今）重叠');
  assert.ok(rs[1].ok);
  assert.equal(rs[2].ok ? '' : rs[2].errors[0].reason, '与第 3 行的特困身份时间重叠');
});

test('unknown persons, wrong names, unknown identities, bad dates and deaths are refused per column', () => {
  const rs = run(
    ctx(),
    ['410926199001010000', '张三', '低保', '2026-01-01', '', ''],
    [CERT_A, '张健国', '五保户', '2026-01-01', '', ''],
    [CERT_A, '张建国', '贫困户', '2026-13-01', '2025-01-01', ''],
    [CERT_B, '王芳', '低保', '2026-01-01', '', ''],
  );
  const errors = rs.flatMap((r) => (r.ok ? [] : r.errors.map((e) => [e.rowNo, e.column, e.reason])));
  assert.equal(errors[0][1], '身份证号');
  assert.deepEqual(errors.slice(1), [
    [3, '姓名', '表中姓名「张健国」与系统登记的姓名「张建国」不一致'],
    [4, '身份类别', '身份类别「贫困户」无法识别，可选：特困、低保、脱贫人口、防返贫监测对象、退役军人'],
    [4, '起始日期', '起始日期不是有效日期，应为 YYYY-MM-DD、YYYY/MM/DD 或 YYYYMMDD'],
    [5, '起始日期', '人员已于 2026-02-01 登记死亡，身份须在该日前终止'],
  ]);
});
