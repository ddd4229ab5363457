// No full ID numbers (nor names or phones) in the server log: the workbench's ?certno= search and
// a database error carrying the statement's parameters both pass through a captured pino logger.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dbTest } from '../db/testing.ts';
import type { Db } from '../db/types.ts';
import { makeIdNumber } from '../domain/registry/id-number.ts';
import { addPerson } from '../modules/persons/testing.ts';
import { seedCounty, TODAY, VILLAGE } from '../modules/registry/testing.ts';
import { buildApp } from './app.ts';
import { redactText, redactUrl } from './log-redaction.ts';
import { loginAs } from './testing.ts';

const ID_18 = /\d{17}[\dX]/i;

async function loggedApp(db: Db) {
  const lines: string[] = [];
  const app = await buildApp(
    { db, now: () => new Date(`${TODAY}T02:00:00Z`), version: 'test' },
    { serveWeb: false, logger: { level: 'info', stream: { write: (s: string) => lines.push(s) } } },
  );
  await app.ready();
  return { app, lines };
}

test('redaction masks ID-like values and personal query parameters, not person or visit numbers', () => {
  const id = makeIdNumber('410926', '1968-07-09', 131);
  assert.equal(
    redactUrl(`/api/registry/persons?certno=${id}&page=2`),
    '/api/registry/persons?certno=***&page=2',
  );
  assert.equal(redactUrl('/api/x?name=%E5%BC%A0%E4%B8%89&q=1'), '/api/x?name=***&q=1');
  assert.equal(redactUrl(`/api/x?q=${id.slice(0, 17)}x`), `/api/x?q=4109**********${id.slice(14, 17)}x`);
  assert.equal(redactText('call 13838001234 now'), 'call 138****1234 now');
  const kept = 'psn 4109260000000001 visit MD41092600000009999999 msgid H41092600002202603151400000001';
  assert.equal(redactText(kept), kept);
});

dbTest('the request log and a database error log hold no full ID number, name or phone', async (db) => {
  await seedCounty(db);
  const person = await addPerson(db, { name: '李建国', phone: '13838001234' });
  const { app, lines } = await loggedApp(db);
  try {
    const cookie = await loginAs(app, db, 'clerk');
    const found = await app.inject({
      method: 'GET',
      url: `/api/registry/persons?certno=${person.certno}`,
      headers: { cookie },
    });
    assert.equal(found.statusCode, 200);
    assert.equal(found.json().total, 1);
    const lower = await app.inject({
      method: 'GET',
      url: `/api/registry/persons?name=${encodeURIComponent('李建国')}&q=${person.certno.toLowerCase()}`,
      headers: { cookie },
    });
    assert.equal(lower.statusCode, 200);

    // an unhandled database error: the statements fail with ID, name and phone as parameters
    await db.exec('ALTER TABLE person RENAME COLUMN phone TO phone_gone');
    const broken = await app.inject({
      method: 'GET',
      url: `/api/registry/persons?certno=${person.certno}`,
      headers: { cookie },
    });
    assert.equal(broken.statusCode, 500);
    const other = makeIdNumber('410926', '1971-03-04', 211);
    const create = await app.inject({
      method: 'POST',
      url: '/api/registry/persons',
      headers: { cookie },
      payload: { certno: other, name: '王秀英', phone: '13938005678', villageCode: VILLAGE },
    });
    assert.equal(create.statusCode, 500);
  } finally {
    await app.close();
  }
  const log = lines.join('');
  assert.match(log, /unhandled error/, 'the failures were logged');
  assert.match(log, /certno=\*\*\*/, 'the search URL was logged, redacted');
  assert.match(log, /phone/, 'the database error itself is there to debug');
  assert.doesNotMatch(log, ID_18, 'no 18-character ID number in the log');
  for (const s of ['李建国', '王秀英', '13838001234', '13938005678']) {
    assert.ok(!log.includes(s), `${s} is not in the log`);
  }
});
