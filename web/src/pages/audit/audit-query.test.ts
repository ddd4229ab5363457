import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditApiQuery, auditPersonError, auditSearchToParams, parseAuditSearch } from './audit-query.ts';

test('the audit search lives in the URL; malformed parts are dropped and dates put in order', () => {
  const s = parseAuditSearch(
    new URLSearchParams(
      'person=41092619600501123x&user=clerk01&action=person.&from=2026-03-15&to=2026-03-01&page=2',
    ),
  );
  assert.deepEqual(s, {
    person: '41092619600501123X',
    user: 'clerk01',
    action: 'person.',
    from: '2026-03-01',
    to: '2026-03-15',
    page: 2,
    pageSize: 20,
  });
  assert.deepEqual(auditSearchToParams(s), {
    person: '41092619600501123X',
    user: 'clerk01',
    action: 'person.',
    from: '2026-03-01',
    to: '2026-03-15',
    page: '2',
  });
  const bad = parseAuditSearch(new URLSearchParams("person=12&user=a'b&action=DROP&from=2026-02-30"));
  assert.deepEqual(auditApiQuery(bad), {
    person: undefined,
    user: undefined,
    action: undefined,
    from: undefined,
    to: undefined,
    page: 1,
    pageSize: 20,
  });
});

test('the person box takes a person number or an ID number', () => {
  assert.equal(auditPersonError('4109260000000888'), null);
  assert.equal(auditPersonError('41092619600501123x'), null);
  assert.match(auditPersonError('张三') ?? '', /人员编号或 18 位身份证号码/);
});
