// yibao credential: issue prints the secret once and the hospital can call with it; show never
// prints it; rotate prints a new one and the old is refused; revoke refuses every call; a missing
// institution or a second issue exits 1 with the reason; bad usage exits 2.
import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { HisTester, hisWorld } from '../../modules/his/testing.ts';
import { credentialCommandRun } from './credential.ts';

const CODE = 'H41092600003';

dbTest('credential issue, show, rotate and revoke from the command line', async (db) => {
  const w = await hisWorld(db);
  // the test world already gave this hospital a credential (written by the seed helper)
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await credentialCommandRun(
      db,
      args,
      (s) => lines.push(s),
      () => w.clock.now,
    );
    return { code, text: lines.join('\n') };
  };
  const secretOf = (text: string) => /接入密钥\s+(\S+)/.exec(text)?.[1] ?? '';
  const paasidOf = (text: string) => /接入账号\s+(\S+)（/.exec(text)?.[1] ?? '';
  const lookup = { data: { mdtrt_cert_type: '02', mdtrt_cert_no: w.ann.certno } };

  assert.equal((await run('issue', CODE)).code, 1, 'the world already issued one');
  assert.match((await run('issue', CODE)).text, /已有有效的接入凭证.*CREDENTIAL_EXISTS/);
  assert.equal((await run('revoke', CODE)).code, 0);
  const refused = await w.other.call('1101', lookup);
  assert.match(refused.json.err_msg, /吊销/);

  const issued = await run('issue', CODE);
  assert.equal(issued.code, 0, issued.text);
  assert.match(issued.text, /只显示这一次/);
  const secret = secretOf(issued.text);
  const paasid = paasidOf(issued.text);
  assert.ok(secret.length >= 40 && paasid.startsWith(CODE));
  const his = new HisTester(w.app, { fixmedinsCode: CODE, paasid, secret }, w.clock);
  await his.signIn();
  await his.ok('1101', lookup);

  const shown = await run('show', CODE);
  assert.equal(shown.code, 0);
  assert.match(shown.text, /状态\s+有效/);
  assert.ok(!shown.text.includes(secret));

  const rotated = await run('rotate', CODE);
  assert.equal(rotated.code, 0);
  const newSecret = secretOf(rotated.text);
  assert.notEqual(newSecret, secret);
  assert.match((await his.call('1101', lookup)).json.err_msg, /签名校验失败/);
  const again = new HisTester(w.app, { ...his.id, secret: newSecret }, w.clock);
  again.seq = 50;
  await again.ok('1101', lookup);

  assert.equal((await run('revoke', CODE)).code, 0);
  assert.match((await again.call('1101', lookup)).json.err_msg, /吊销/);
  assert.match((await run('show', CODE)).text, /状态\s+已吊销/);

  assert.equal((await run('show', 'H41999900009')).code, 1);
  assert.equal((await run('issue')).code, 2);
  assert.equal((await run('renew', CODE)).code, 2);
  const trail = await db.query<{ action: string; actor: string }>(
    `SELECT action, actor_name AS actor FROM audit_entry WHERE entity_id = $1 AND action LIKE 'credential.%' ORDER BY id`,
    [CODE],
  );
  assert.deepEqual(
    trail.map((t) => `${t.actor} ${t.action}`),
    [
      'system credential.create',
      'cli credential.revoke',
      'cli credential.issue',
      'cli credential.rotate',
      'cli credential.revoke',
    ],
  );
});
