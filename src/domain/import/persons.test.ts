import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeIdNumber } from '../registry/id-number.ts';
import { CERT_A, CERT_B, CERT_NEW, headersOf, person, rowsOf, TODAY } from './fixtures.ts';
import { type PersonImportContext, personValidator } from './persons.ts';

const HEADER = ['身份证号码', '姓名', '性别', '联系电话', '村（社区）代码', '户编号', '与户主关系'];

function ctx(over: Partial<PersonImportContext> = {}): PersonImportContext {
  return {
    today: TODAY,
    persons: new Map([[CERT_A, person(CERT_A, '张建国', { householdNo: 'H1', phone: '13800000001' })]]),
    villages: new Map([
      ['410926101001', { admdvs: '410926' }],
      ['410926101002', { admdvs: '410926' }],
    ]),
    households: new Map([['H1', { villageCode: '410926101001', admdvs: '410926', hasHead: true }]]),
    defaultAdmdvs: '410926',
    ...over,
  };
}

const run = (c: PersonImportContext, ...rows: (string | number | null)[][]) => {
  const v = personValidator(c, headersOf('persons', HEADER));
  return rowsOf(...rows).map(v);
};

test('a new person takes gender and birth date from the ID number', () => {
  const [r] = run(ctx(), [CERT_NEW, '刘洋', '男', '13912345678', '410926101002', '', '']);
  assert.ok(r.ok);
  assert.equal(r.record.action, 'insert');
  assert.equal(r.record.gender, '1');
  assert.equal(r.record.birthDate, '2001-02-03');
  assert.equal(r.record.admdvs, '410926');
});

test('a new person founding a household, and a second member joining it in the same file', () => {
  const [a, b] = run(
    ctx(),
    [CERT_NEW, '刘洋', '', '', '410926101002', 'H9', '户主'],
    [CERT_B, '王芳', '', '', '', 'H9', '配偶'],
  );
  assert.ok(a.ok && b.ok);
  assert.equal(a.record.newHousehold, true);
  assert.equal(b.record.newHousehold, false);
  assert.equal(b.record.villageCode, '410926101002'); // taken from the household
  assert.equal(b.record.joinsHousehold, true);
});

test('a registered person with the same data is unchanged; a new phone is an update', () => {
  const [same, phone] = run(
    ctx(),
    [CERT_A, '张建国', '男', '13800000001', '410926101001', 'H1', '户主'],
    [CERT_A, '张建国', '', '13800000002', '', '', ''],
  );
  assert.ok(same.ok);
  assert.equal(same.record.action, 'unchanged');
  assert.ok(!phone.ok); // the same ID twice in one file
  const [upd] = run(ctx(), [CERT_A, '张建国', '', '13800000002', '', '', '']);
  assert.ok(upd.ok);
  assert.equal(upd.record.action, 'update');
  assert.deepEqual(upd.record.before, {
    phone: '13800000001',
    villageCode: '410926101001',
    householdNo: 'H1',
  });
  assert.equal(upd.record.householdNo, 'H1'); // blank cells keep the registry's values
});

test('each bad cell is reported with its row, its column header and a Chinese reason', () => {
  const bad = `${CERT_NEW.slice(0, 17)}${CERT_NEW[17] === '0' ? '1' : '0'}`;
  const rs = run(
    ctx(),
    [bad, '刘洋', '', '', '', '', ''],
    [CERT_B, '王芳', '男', '1234', '999999999999', '', ''],
    [CERT_A, '张国建', '', '', '', 'H2', '户主'],
  );
  const errors = rs.flatMap((r) => (r.ok ? [] : r.errors.map((e) => [e.rowNo, e.column, e.reason])));
  assert.deepEqual(errors, [
    [2, '身份证号码', `身份证号码校验位错误（应为 ${CERT_NEW[17]}）`],
    [3, '性别', '性别与身份证号不符'],
    [3, '联系电话', '联系电话 1234 格式不正确：应为11位手机号或带区号的固定电话'],
    [3, '村（社区）代码', '村(社区)代码不存在'],
    [
      4,
      '姓名',
      '此身份证号已登记，表中姓名「张国建」与系统登记的姓名「张建国」不一致；更正姓名请在人员登记中办理',
    ],
    [4, '户编号', '此人已在户 H1，迁户请在登记模块办理'],
  ]);
});

test('a new household without a village is refused unless the person already has one', () => {
  const [r] = run(ctx(), [CERT_NEW, '刘洋', '', '', '', 'H7', '户主']);
  assert.equal(r.ok ? '' : r.errors[0].reason, '户 H7 尚不存在，新建户须填写村(社区)代码');
});

test('an existing household head cannot be replaced, nor can two rows both be head of a new household', () => {
  const rs = run(
    ctx(),
    [CERT_NEW, '刘洋', '', '', '', 'H1', '户主'],
    [CERT_B, '王芳', '', '', '410926101002', 'H5', '户主'],
    [makeCert(41), '李强', '', '', '', 'H5', '户主'],
  );
  assert.equal(rs[0].ok ? '' : rs[0].errors[0].reason, '户 H1 已有户主');
  assert.ok(rs[1].ok);
  assert.equal(rs[2].ok ? '' : rs[2].errors[0].reason, '第 3 行已是户 H5 的户主');
});

test('Excel-rounded ID numbers and a missing region are explained', () => {
  const c = ctx({ defaultAdmdvs: null });
  const [num, noRegion] = run(
    c,
    [4.10926196005011e17, '张三', '', '', '', '', ''],
    [CERT_NEW, '刘洋', '', '', '', '', ''],
  );
  assert.match(num.ok ? '' : num.errors[0].reason, /存成了数字/);
  assert.equal(noRegion.ok ? '' : noRegion.errors[0].reason, '无法确定参保地，请填写村(社区)代码');
});

function makeCert(seq: number) {
  return makeIdNumber('410926', '1990-01-01', seq);
}

test('relations as a 户口本 writes them join the household under the one code list', () => {
  const [a, b, c] = run(
    ctx(),
    [CERT_NEW, '刘洋', '', '', '', 'H1', '孙女'],
    [CERT_B, '王芳', '', '', '', 'H1', '儿媳'],
    [makeIdNumber('410926', '1990-01-01', 11), '赵强', '', '', '', 'H1', '邻居'],
  );
  assert.ok(a.ok && b.ok);
  assert.deepEqual([a.record.relation, b.record.relation], ['孙子女', '子女配偶']);
  assert.ok(!c.ok);
  assert.match(JSON.stringify(c), /户口本/);
});
