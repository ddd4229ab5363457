import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CERT_A, CERT_B, headersOf, person, rowsOf, TODAY } from './fixtures.ts';
import { type StatusImportContext, statusKey, statusValidator } from './status.ts';

const HEADER = ['证件号码', '姓名', '变更类型', '死亡日期', '备注'];
const A = person(CERT_A, '张建国');
const B = person(CERT_B, '王芳', { status: 'deceased', statusDate: '2026-02-01', deathDate: '2026-02-01' });

const ctx = (changes: string[] = []): StatusImportContext => ({
  today: TODAY,
  persons: new Map([
    [CERT_A, A],
    [CERT_B, B],
  ]),
  changes: new Set(changes),
});

const run = (c: StatusImportContext, ...rows: (string | number | null)[][]) => {
  const v = statusValidator(c, headersOf('status', HEADER));
  return rowsOf(...rows).map(v);
};

test('police words map to statuses', () => {
  for (const [word, status] of [
    ['死亡', 'deceased'],
    ['死亡注销', 'deceased'],
    ['在押', 'imprisoned'],
    ['服刑', 'imprisoned'],
    ['户籍迁出', 'moved_out'],
  ]) {
    const [r] = run(ctx(), [CERT_A, '张建国', word, '2026-03-01', '']);
    assert.ok(r.ok, word);
    assert.equal(r.record.status, status);
    assert.equal(r.record.action, 'insert');
  }
});

test('a death already recorded is unchanged; a different date or a later change on a dead person is refused', () => {
  const known = [statusKey(B.psnNo, 'deceased', '2026-02-01')];
  const [same] = run(ctx(known), [CERT_B, '王芳', '死亡', '20260201', '']);
  assert.ok(same.ok);
  assert.equal(same.record.action, 'unchanged');
  const [other] = run(ctx(known), [CERT_B, '王芳', '死亡', '2026-02-02', '']);
  assert.equal(other.ok ? '' : other.errors[0].reason, '人员已于 2026-02-01 登记死亡，不能再变更为死亡');
  const [prison] = run(ctx(known), [CERT_B, '王芳', '服刑', '2026-03-01', '']);
  assert.equal(prison.ok ? '' : prison.errors[0].reason, '人员已于 2026-02-01 登记死亡，不能再变更为服刑');
});

test('future dates, unknown change types and one person twice are refused', () => {
  const rs = run(
    ctx(),
    [CERT_A, '张建国', '死亡', '2026-03-16', ''],
    [CERT_A, '张建国', '失踪', '2026-03-01', ''],
    [CERT_A, '张建国', '服刑', '2026-03-01', ''],
    [CERT_A, '张建国', '死亡', '2026-03-02', ''],
  );
  const errors = rs.flatMap((r) => (r.ok ? [] : r.errors.map((e) => [e.rowNo, e.column, e.reason])));
  assert.deepEqual(errors, [
    [2, '死亡日期', '生效日期晚于今天'],
    [3, '变更类型', '变更类型应为 死亡、服刑 或 迁出'],
    [5, '证件号码', '与第 4 行是同一人员，请合并为一行'],
  ]);
});
