import assert from 'node:assert/strict';
import { dbTest } from '../../db/testing.ts';
import { MATTER_NOW } from '../matter/testing.ts';
import { selfserviceRoutesWith } from './index.ts';
import { gatewaySender } from './sms.ts';
import { codeOf, insured, loginPerson, PNG, post, selfApp, selfSnapshot } from './testing.ts';

const FORM = '参保信息变更登记表';
const minutes = (n: number) => new Date(MATTER_NOW.getTime() + n * 60_000);

dbTest('a person logs in with ID number, name and the code sent to the phone on file', async (db) => {
  const { app } = await selfApp(db, true);
  const p = await insured(db);
  const sent = await post(app, '/api/m/auth/code', { certno: p.certno, name: p.name });
  assert.equal(sent.statusCode, 200, sent.body);
  assert.equal(sent.json().phone, '138****1234');
  assert.match(sent.json().demo.text, /验证码为 \d{6}/);
  const stored = await db.query<{ code_hash: string }>('SELECT code_hash FROM selfservice_code');
  assert.equal(stored.length, 1);
  assert.ok(!stored[0].code_hash.includes(codeOf(sent)), 'the code is stored hashed');
  const ok = await post(app, '/api/m/auth/verify', { certno: p.certno, name: p.name, code: codeOf(sent) });
  assert.equal(ok.statusCode, 200, ok.body);
  assert.deepEqual([ok.json().psnNo, ok.json().name], [p.psnNo, p.name]);
  const cookie = ok.cookies.find((c) => c.name === 'yibao_person');
  assert.ok(cookie?.httpOnly);
  assert.equal(
    ok.cookies.find((c) => c.name === 'yibao_session'),
    undefined,
    'not a staff session',
  );
  // the code is used up
  const again = await post(app, '/api/m/auth/verify', { certno: p.certno, name: p.name, code: codeOf(sent) });
  assert.equal(again.json().error.code, 'SELFSERVICE_CODE_INVALID');
  // a person's session opens no staff route
  const staff = await app.inject({
    method: 'GET',
    url: '/api/matter/matters',
    headers: { cookie: `yibao_person=${cookie!.value}` },
  });
  assert.equal(staff.statusCode, 401);
  const audited = await db.query<{ action: string }>(
    'SELECT action FROM audit_entry WHERE actor_name = $1 ORDER BY id',
    [`person:${p.psnNo}`],
  );
  assert.deepEqual(
    audited.map((a) => a.action),
    ['selfservice.code', 'selfservice.login', 'selfservice.read.me'],
  );
});

dbTest(
  'a wrong name, an unknown ID or no phone on file get one uniform error; nothing is sent',
  async (db) => {
    const { app } = await selfApp(db, true);
    const p = await insured(db);
    const nophone = await insured(db, '赵六', '');
    await db.query('UPDATE person SET phone = NULL WHERE psn_no = $1', [nophone.psnNo]);
    const replies = [
      await post(app, '/api/m/auth/code', { certno: p.certno, name: '王小红' }),
      await post(app, '/api/m/auth/code', { certno: '410926199001011234', name: p.name }),
      await post(app, '/api/m/auth/code', { certno: nophone.certno, name: nophone.name }),
      await post(app, '/api/m/auth/verify', { certno: p.certno, name: '王小红', code: '123456' }),
    ];
    for (const r of replies) {
      assert.equal(r.statusCode, 401);
      assert.deepEqual(r.json().error, {
        code: 'SELFSERVICE_IDENTITY_FAILED',
        message: replies[0].json().error.message,
      });
    }
    assert.equal((await db.query('SELECT 1 FROM selfservice_code')).length, 0);
    assert.equal((await db.query('SELECT 1 FROM selfservice_sms_sink')).length, 0);
  },
);

dbTest(
  'a wrong or expired code is refused; five tries end a code; a new code replaces the old',
  async (db) => {
    const clock = { now: MATTER_NOW };
    const { app } = await selfApp(db, true, clock);
    const p = await insured(db);
    const id = { certno: p.certno, name: p.name };
    const first = codeOf(await post(app, '/api/m/auth/code', id));
    const second = codeOf(await post(app, '/api/m/auth/code', id));
    assert.equal((await db.query('SELECT 1 FROM selfservice_code')).length, 1, 'one active code per person');
    if (first !== second) {
      const old = await post(app, '/api/m/auth/verify', { ...id, code: first });
      assert.equal(old.json().error.code, 'SELFSERVICE_CODE_INVALID');
    }
    // expired after five minutes
    clock.now = minutes(5);
    const late = await post(app, '/api/m/auth/verify', { ...id, code: second });
    assert.deepEqual([late.statusCode, late.json().error.code], [401, 'SELFSERVICE_CODE_INVALID']);
    // five tries, the right code on the sixth is refused
    clock.now = minutes(10);
    const code = codeOf(await post(app, '/api/m/auth/code', id));
    const wrong = code === '000000' ? '000001' : '000000';
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await post(app, '/api/m/auth/verify', { ...id, code: wrong })).json().error.code,
        'SELFSERVICE_CODE_INVALID',
      );
    const sixth = await post(app, '/api/m/auth/verify', { ...id, code });
    assert.equal(sixth.json().error.code, 'SELFSERVICE_CODE_INVALID');
    assert.equal((await db.query('SELECT 1 FROM selfservice_session')).length, 0);
    // a fresh code works again
    const fresh = codeOf(await post(app, '/api/m/auth/code', id));
    assert.equal((await post(app, '/api/m/auth/verify', { ...id, code: fresh })).statusCode, 200);
    // the session is short: 30 minutes later it is gone
    const cookie = (
      await post(app, '/api/m/auth/verify', { ...id, code: codeOf(await post(app, '/api/m/auth/code', id)) })
    ).cookies.find((c) => c.name === 'yibao_person')!;
    clock.now = minutes(10 + 31);
    const expired = await app.inject({
      method: 'GET',
      url: '/api/m/me',
      headers: { cookie: `yibao_person=${cookie.value}` },
    });
    assert.deepEqual([expired.statusCode, expired.json().error.code], [401, 'SELFSERVICE_NOT_LOGGED_IN']);
  },
);

dbTest('code requests are limited per ID number and per address; the window passes', async (db) => {
  const clock = { now: MATTER_NOW };
  const { app } = await selfApp(db, true, clock);
  const p = await insured(db);
  const id = { certno: p.certno, name: p.name };
  for (let i = 0; i < 5; i++)
    assert.equal((await post(app, '/api/m/auth/code', id, undefined, `10.0.1.${i}`)).statusCode, 200);
  const sixth = await post(app, '/api/m/auth/code', id, undefined, '10.0.1.9');
  assert.deepEqual([sixth.statusCode, sixth.json().error.code], [429, 'SELFSERVICE_RATE_LIMITED']);
  // per address: 30 attempts of any kind, then refused for every ID
  const other = await insured(db, '李四', '13938005678');
  for (let i = 0; i < 30; i++)
    await post(
      app,
      '/api/m/auth/verify',
      { certno: other.certno, name: other.name, code: '000000' },
      undefined,
      '10.9.9.9',
    );
  const blocked = await post(
    app,
    '/api/m/auth/code',
    { certno: other.certno, name: other.name },
    undefined,
    '10.9.9.9',
  );
  assert.equal(blocked.json().error.code, 'SELFSERVICE_RATE_LIMITED');
  assert.equal(
    (await post(app, '/api/m/auth/code', { certno: other.certno, name: other.name }, undefined, '10.9.9.8'))
      .statusCode,
    200,
  );
  clock.now = minutes(61);
  assert.equal((await post(app, '/api/m/auth/code', id, undefined, '10.0.1.9')).statusCode, 200);
});

dbTest(
  'outside demo mode no code is shown: no gateway is a clear error, a gateway gets the text',
  async (db) => {
    const { app } = await selfApp(db, false);
    const p = await insured(db);
    const id = { certno: p.certno, name: p.name };
    const r = await post(app, '/api/m/auth/code', id);
    assert.deepEqual([r.statusCode, r.json().error.code], [503, 'SELFSERVICE_SMS_UNCONFIGURED']);
    assert.match(r.json().error.message, /短信通道未配置/);
    assert.equal((await db.query('SELECT 1 FROM selfservice_code')).length, 0, 'no code without a channel');
    const sent: string[] = [];
    const gw = gatewaySender('http://sms.invalid/send', (async (_u: unknown, init?: RequestInit) => {
      sent.push(String(init?.body));
      return new Response('{}', { status: 200 });
    }) as typeof fetch);
    // the module's routes with a gateway sender, on an instance of their own
    const Fastify = (await import('fastify')).default;
    const bare = Fastify();
    const cookie = (await import('@fastify/cookie')).default;
    await bare.register(cookie);
    const { serializerCompiler, validatorCompiler } = await import('fastify-type-provider-zod');
    bare.setValidatorCompiler(validatorCompiler);
    bare.setSerializerCompiler(serializerCompiler);
    const { staffErrorHandler } = await import('../../api/errors.ts');
    bare.setErrorHandler(staffErrorHandler);
    await selfserviceRoutesWith(gw)(
      bare as never,
      { db, now: () => MATTER_NOW, version: 't', demo: false } as never,
    );
    const viaGw = await bare.inject({ method: 'POST', url: '/api/m/auth/code', payload: id });
    assert.equal(viaGw.statusCode, 200, viaGw.body);
    assert.equal(viaGw.json().demo, null, 'the code is not on the page');
    assert.equal(sent.length, 1);
    assert.match(JSON.parse(sent[0]).text, /验证码为 \d{6}/);
    assert.equal(JSON.parse(sent[0]).phone, p.phone);
    assert.equal((await db.query('SELECT 1 FROM selfservice_sms_sink')).length, 0, 'the sink stays empty');
    await bare.close();
  },
);

dbTest('a person sees and applies for their own only; a reviewer completes; rated once', async (db) => {
  const { app, staff } = await selfApp(db, true);
  const me = await insured(db);
  const other = await insured(db, '李四', '13938005678');
  const a = await loginPerson(app, me);
  const b = await loginPerson(app, other, '10.0.0.2');
  const cov = (await a.get('/api/m/coverage')).json();
  assert.deepEqual(
    cov.enrollments.map((e: { insutype: string; beginDate: string }) => [e.insutype, e.beginDate]),
    [['390', '2026-01-01']],
  );
  assert.equal((await a.get('/api/m/benefits')).json().year, 2026);
  const types = (await a.get('/api/m/matter-types')).json().items as { code: string; photos: string[] }[];
  assert.ok(types.some((t) => t.code === 'CB006'));
  assert.ok(!types.some((t) => t.code === 'CB001' || t.code === 'CB003'), 'no unit matter, no registration');
  assert.deepEqual(types.find((t) => t.code === 'CB006')!.photos, [FORM]);

  // the photo: a PNG by its bytes; text posing as an image is refused
  assert.equal(
    (await a.upload(FORM, Buffer.from('<svg onload=alert(1)>'))).json().error.code,
    'SELFSERVICE_UPLOAD_TYPE',
  );
  assert.equal((await a.upload(FORM, Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]))).statusCode, 413);
  const photo = (await a.upload(FORM, PNG)).json();
  const before = await selfSnapshot(db);
  // without the photo, with another's photo, or with a bad phone: refused, nothing written
  for (const [who, body, code] of [
    [a, { typeCode: 'CB006', fields: { phone: '13700001111' } }, 'SELFSERVICE_MATERIALS_MISSING'],
    [
      b,
      { typeCode: 'CB006', fields: { phone: '13700001111' }, uploadIds: [photo.id] },
      'SELFSERVICE_UPLOAD_NOT_FOUND',
    ],
    [
      a,
      { typeCode: 'CB006', fields: { phone: '123' }, uploadIds: [photo.id] },
      'SELFSERVICE_MATERIALS_MISSING',
    ],
    [a, { typeCode: 'CB001', fields: {}, uploadIds: [photo.id] }, 'SELFSERVICE_MATTER_NOT_ONLINE'],
  ] as const) {
    const r = await who.post('/api/m/matters', body);
    assert.equal(r.json().error.code, code, r.body);
  }
  assert.deepEqual(await selfSnapshot(db), before);
  // the person's number in the form is ignored: the session decides whose phone changes
  const applied = await a.post('/api/m/matters', {
    typeCode: 'CB006',
    fields: { phone: '13700001111', psnNo: other.psnNo },
    uploadIds: [photo.id],
  });
  assert.equal(applied.statusCode, 200, applied.body);
  const id = applied.json().id;
  const mine = (await a.get(`/api/m/matters/${id}`)).json();
  assert.deepEqual(
    [mine.matter.state, mine.matter.channel, mine.photos.length, mine.rated],
    ['accepted', 'online', 1, false],
  );
  // another person guessing ids finds nothing (the same as a matter that does not exist)
  const guess = await b.get(`/api/m/matters/${id}`);
  assert.deepEqual([guess.statusCode, guess.json().error.code], [404, 'SELFSERVICE_MATTER_NOT_FOUND']);
  assert.equal(
    (await b.get(`/api/m/matters/${id + 1000}`)).json().error.code,
    'SELFSERVICE_MATTER_NOT_FOUND',
  );
  assert.deepEqual((await b.get('/api/m/matters')).json().items, []);
  assert.equal(
    (await b.post(`/api/m/matters/${id}/rating`, { overall: 5 })).json().error.code,
    'SELFSERVICE_MATTER_NOT_FOUND',
  );
  // not yet completed: no rating
  assert.equal(
    (await a.post(`/api/m/matters/${id}/rating`, { overall: 5 })).json().error.code,
    'SELFSERVICE_NOT_COMPLETED',
  );
  // the reviewer finds it in 待我审核 and approves: the phone changes
  const reviewer = await staff('reviewer');
  const queue = (await reviewer.get('/api/matter/matters?queue=review')).json().items as { id: number }[];
  assert.ok(queue.some((m) => m.id === id));
  const done = await reviewer.act(id, { action: 'approve' });
  assert.equal(done.statusCode, 200, done.body);
  const phones = await db.query<{ psn_no: string; phone: string }>(
    'SELECT psn_no, phone FROM person ORDER BY psn_no',
  );
  assert.deepEqual(
    phones.map((r) => r.phone),
    ['13700001111', other.phone],
  );
  assert.equal((await a.get(`/api/m/matters/${id}`)).json().matter.state, 'completed');
  const rated = await a.post(`/api/m/matters/${id}/rating`, { overall: 5, indicators: {} });
  assert.equal(rated.statusCode, 200, rated.body);
  const twice = await a.post(`/api/m/matters/${id}/rating`, { overall: 1, tags: ['attitude'] });
  assert.deepEqual([twice.statusCode, twice.json().error.code], [409, 'RATING_ALREADY_RATED']);
  assert.equal((await a.get(`/api/m/matters/${id}`)).json().rated, true);
  const ratings = await db.query<{ channel: string; overall: number; handler: number }>(
    'SELECT channel, overall, handler_id::int AS handler FROM rating',
  );
  assert.deepEqual(ratings, [{ channel: 'online', overall: 5, handler: reviewer.id }]);
  // every read and write of the person is audited under their own name
  const actions = (
    await db.query<{ action: string }>('SELECT DISTINCT action FROM audit_entry WHERE actor_name = $1', [
      `person:${me.psnNo}`,
    ])
  ).map((r) => r.action);
  for (const x of [
    'selfservice.read.coverage',
    'selfservice.read.benefits',
    'selfservice.upload',
    'matter.apply',
    'selfservice.read.matter',
    'rating.rate',
  ])
    assert.ok(actions.includes(x), x);
  // logged out: the session is gone
  await a.post('/api/m/auth/logout', {});
  assert.equal((await a.get('/api/m/me')).statusCode, 401);
});
