// yibao audit verify: a whole trail exits 0 with each chain's head; an edited entry exits 1 and
// names the broken entry; a bad date is a usage error.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { someEntries, tamper } from '../../modules/audit/testing.ts';
import { auditVerify } from './audit.ts';

const T = new Date('2026-03-02T02:00:00Z');

async function run(db: Parameters<typeof auditVerify>[0], ...args: string[]) {
  const lines: string[] = [];
  const code = await auditVerify(db, args, (s) => lines.push(s));
  return { code, text: lines.join('\n') };
}

dbTest('audit verify reports a whole chain, then the entry that was edited', async (db) => {
  await someEntries(db, 4, T);
  const ok = await run(db, 'verify');
  assert.equal(ok.code, 0, ok.text);
  assert.match(ok.text, /已校验 4 条审计记录/);
  assert.match(ok.text, /审计链完好/);

  await tamper(db, `UPDATE audit_entry SET before = '{"i": 0}' WHERE seq = 2`);
  const [{ id }] = await db.query<{ id: number }>('SELECT id FROM audit_entry WHERE seq = 2');
  const bad = await run(db, 'verify', '--from', '2026-03-02', '--to', '2026-03-02');
  assert.equal(bad.code, 1);
  assert.match(bad.text, new RegExp(`断裂：第 2 条（记录 #${id}） 记录内容与哈希不符`));

  const json = await run(db, 'verify', '--json');
  assert.deepEqual(JSON.parse(json.text).breaks[0].kind, 'hash');
  // the day before holds nothing to check, but the chain's cut is not in that range
  assert.equal((await run(db, 'verify', '--to', '2026-03-01')).code, 0);
  assert.equal((await run(db, 'verify', '--from', '2026-13-01')).code, 2);
  assert.equal((await run(db, 'check')).code, 2);
});
