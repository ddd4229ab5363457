// The one-time code never reaches the server log: not when it is sent (demo sink or gateway), not
// when it is checked right or wrong, not when a request fails.
import assert from 'node:assert/strict';
import { buildApp } from '../../api/app.ts';
import { dbTest } from '../../db/testing.ts';
import { MATTER_NOW, matterApp } from '../matter/testing.ts';
import { codeOf, insured, post } from './testing.ts';

dbTest('the login code is in no log line, sent or checked, right or wrong', async (db) => {
  await matterApp(db);
  const lines: string[] = [];
  const app = await buildApp(
    { db, now: () => MATTER_NOW, version: 'test', demo: true },
    { serveWeb: false, logger: { level: 'trace', stream: { write: (s: string) => lines.push(s) } } },
  );
  await app.ready();
  const p = await insured(db);
  const id = { certno: p.certno, name: p.name };
  const codes: string[] = [];
  try {
    const first = await post(app, '/api/m/auth/code', id);
    codes.push(codeOf(first));
    const wrong = codes[0] === '000000' ? '000001' : '000000';
    assert.equal((await post(app, '/api/m/auth/verify', { ...id, code: wrong })).statusCode, 401);
    const second = await post(app, '/api/m/auth/code', id);
    codes.push(codeOf(second));
    assert.equal((await post(app, '/api/m/auth/verify', { ...id, code: codes[1] })).statusCode, 200);
    // a database failure while a code is being stored is logged, without the code
    await db.exec('ALTER TABLE selfservice_sms_sink RENAME COLUMN text TO text_gone');
    assert.equal((await post(app, '/api/m/auth/code', id)).statusCode, 500);
  } finally {
    await app.close();
  }
  const log = lines.join('');
  assert.match(log, /\/api\/m\/auth\/verify/, 'the requests were logged');
  assert.match(log, /unhandled error|text_gone|text/, 'the failure was logged');
  for (const c of codes)
    assert.doesNotMatch(log, new RegExp(`(?<!\\d)${c}(?!\\d)`), `code ${c} is not in the log`);
  assert.doesNotMatch(log, /验证码为/);
  assert.ok(!log.includes(p.certno), 'nor the ID number');
});
