import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  fileProblem,
  fileSize,
  type ImportJob,
  missingColumns,
  overallPercent,
  paramsToSearch,
  parseParams,
  progressText,
  jobStatusTag,
  summarise,
} from './import-logic.ts';

const job = (over: Partial<ImportJob>): ImportJob => ({
  id: 7,
  kind: 'persons',
  mode: 'skip_bad_rows',
  fileName: 'a.csv',
  fileBytes: 100,
  status: 'done',
  phase: 'done',
  total: 10,
  processed: 10,
  inserted: 6,
  updated: 1,
  unchanged: 1,
  rejected: 2,
  written: true,
  errorCode: null,
  message: '',
  details: null,
  actorName: 'clerk',
  actorDisplayName: '王经办',
  createdAt: '2026-03-15T02:00:00.000Z',
  finishedAt: null,
  ...over,
});

test('URL state round-trips, defaults left out, junk ignored', () => {
  const p = parseParams(new URLSearchParams('kind=identities&mode=skip_bad_rows&job=12&page=2&epage=3'));
  assert.deepEqual(p, { kind: 'identities', mode: 'skip_bad_rows', job: 12, page: 2, errorPage: 3 });
  assert.deepEqual(paramsToSearch(p), {
    kind: 'identities',
    mode: 'skip_bad_rows',
    job: '12',
    page: '2',
    epage: '3',
  });
  const junk = parseParams(new URLSearchParams('kind=pets&mode=x&job=-1&page=0'));
  assert.deepEqual(junk, { kind: null, mode: 'all_or_nothing', job: null, page: 1, errorPage: 1 });
  assert.deepEqual(paramsToSearch(junk), {});
});

test('files are checked before upload', () => {
  assert.equal(fileProblem(null), '请选择要导入的文件');
  assert.equal(fileProblem({ name: '低保名单.XLSX', size: 10 }), null);
  assert.equal(fileProblem({ name: 'a.csv', size: 10 }), null);
  assert.match(fileProblem({ name: 'a.xls', size: 10 }) ?? '', /\.xls/);
  assert.match(fileProblem({ name: 'a.pdf', size: 10 }) ?? '', /只能导入/);
  assert.equal(fileProblem({ name: 'a.csv', size: 0 }), '文件是空的');
  assert.match(fileProblem({ name: 'a.csv', size: 65 * 1024 * 1024 }) ?? '', /64 MB/);
});

test('one progress bar: upload to 30 %, then the job phases', () => {
  assert.equal(overallPercent(0.5, null), 15);
  assert.equal(overallPercent(1, null), 30);
  assert.equal(overallPercent(1, { phase: 'queued', total: 0, processed: 0 }), 30);
  assert.equal(overallPercent(1, { phase: 'validating', total: 200, processed: 100 }), 65);
  assert.equal(overallPercent(1, { phase: 'writing', total: 200, processed: 200 }), 95);
  assert.equal(overallPercent(1, { phase: 'failed', total: 0, processed: 0 }), 100);
  assert.equal(progressText(0.42, null), '正在上传 42%');
  assert.equal(progressText(1, { phase: 'validating', total: 200, processed: 100 }), '逐行校验 100 / 200 行');
  assert.equal(progressText(1, { phase: 'writing', total: 200, processed: 200 }), '写入数据');
});

test('summary: written is new + updated; nothing counts as written when the file was not', () => {
  assert.deepEqual(summarise(job({})), { read: 10, written: 7, unchanged: 1, skipped: 2, tone: 'warning' });
  assert.equal(summarise(job({ rejected: 0 })).tone, 'success');
  assert.deepEqual(summarise(job({ mode: 'all_or_nothing', written: false })), {
    read: 10,
    written: 0,
    unchanged: 0,
    skipped: 2,
    tone: 'error',
  });
  assert.equal(summarise(job({ status: 'failed', written: false })).tone, 'error');
});

test('missing columns of a refused file; sizes', () => {
  assert.deepEqual(missingColumns({ missing: ['身份证号', '变更类型'] }), ['身份证号', '变更类型']);
  assert.deepEqual(missingColumns(null), []);
  assert.equal(fileSize(512), '512 B');
  assert.equal(fileSize(2048), '2.0 KB');
  assert.equal(fileSize(3 * 1024 * 1024), '3.0 MB');
});

test('a job that wrote nothing is never green', () => {
  const j = (over: Record<string, unknown>) =>
    jobStatusTag({
      status: 'done',
      phase: 'done',
      written: true,
      inserted: 3,
      updated: 1,
      rejected: 0,
      ...over,
    } as never);
  assert.deepEqual(j({}), { color: 'success', text: '已完成' });
  assert.deepEqual(j({ inserted: 0, updated: 0 }), { color: 'default', text: '已完成（无变化）' });
  assert.deepEqual(j({ written: false }), { color: 'error', text: '已完成（未写入）' });
  assert.deepEqual(j({ rejected: 2 }), { color: 'warning', text: '已完成（跳过 2 行）' });
  assert.equal(j({ status: 'failed', written: false }).color, 'error');
  assert.equal(
    summarise({
      status: 'done',
      written: true,
      inserted: 0,
      updated: 0,
      unchanged: 5,
      rejected: 0,
      total: 5,
    } as never).tone,
    'warning',
  );
});
