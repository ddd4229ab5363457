// The small wire-compatibility rules: charset, business key, national reply fields, gateway schemes.
import assert from 'node:assert/strict';
import test from 'node:test';
import { businessSha256, canonicalJson } from './business-key.ts';
import { declaredCharset, decodeBody } from './charset.ts';
import { errorResponse, okResponse } from './envelope.ts';
import { apiHmacSignature, presentedCredentials, replayKey, verifyPresented } from './gateway-auth.ts';
import { nationalRefMsgId, nationalReply, replyRegion } from './reply.ts';
import { signature } from './signature.ts';
import { rawNumber } from './wire.ts';

const GBK_WANG_AN = Uint8Array.from([0x22, 0xcd, 0xf5, 0xb0, 0xb2, 0x22]); // "王安"

test('charset: declared GBK/GB18030, UTF-8, and undeclared GBK detected', () => {
  assert.equal(declaredCharset('application/json; charset="GBK"'), 'gbk');
  assert.equal(declaredCharset('application/json'), null);
  assert.equal(decodeBody(GBK_WANG_AN, 'application/json;charset=gbk'), '"王安"');
  assert.equal(decodeBody(GBK_WANG_AN, 'application/json;charset=GB2312'), '"王安"');
  assert.equal(decodeBody(GBK_WANG_AN, undefined), '"王安"');
  assert.equal(decodeBody(new TextEncoder().encode('"王安"'), 'application/json'), '"王安"');
});

test('business key: key order and the envelope do not matter; the input does', () => {
  assert.equal(
    canonicalJson({ b: 1, a: [{ d: 2, c: null }], u: undefined }),
    '{"a":[{"c":null,"d":2}],"b":1}',
  );
  // the same text JSON.stringify writes for the key-sorted value, whatever the strings hold
  const sortedCopy = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sortedCopy)
      : v !== null && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])]),
          )
        : v;
  const tricky = {
    名: '王"安\\',
    'k"ey': ['\u0001\n\t', '\ud800', '😀', 1.5, -0, 1e21, Number.NaN, true, null],
    z: [
      { b: { d: 1, c: 2 }, a: '' },
      { a: '', b: { c: 3, d: 4 } },
    ],
  };
  assert.equal(canonicalJson(tricky), JSON.stringify(sortedCopy(tricky)));
  // keys that look like array indexes sort as text too, not in the order objects enumerate them
  assert.equal(
    canonicalJson({ a: { '2': 1, '10': [2, undefined], b: 3 } }),
    '{"a":{"10":[2,null],"2":1,"b":3}}',
  );
  assert.equal(canonicalJson(undefined), 'null');
  assert.equal(canonicalJson('x'), '"x"');
  const a = businessSha256('2207', 'H1', { data: { x: '1', y: 2 } });
  assert.equal(a, businessSha256('2207', 'H1', { data: { y: 2, x: '1' } }));
  assert.notEqual(a, businessSha256('2207', 'H1', { data: { x: '1', y: 3 } }));
  assert.notEqual(a, businessSha256('2207', 'H2', { data: { x: '1', y: 2 } }));
  assert.notEqual(a, businessSha256('2206', 'H1', { data: { x: '1', y: 2 } }));
});

test('reply: 30-character inf_refmsgid, cainfo/signtype/enctype null, medins_setl_id, 999999 caps', () => {
  const at = new Date('2026-03-15T01:30:00Z');
  assert.equal(nationalRefMsgId('410926', at, 42), '410926202603150930000000000042');
  assert.equal(nationalRefMsgId('bad', at, 1).slice(0, 6), '000000');
  assert.equal(replyRegion('410102', 'H41092600002', '000000'), '410102');
  assert.equal(replyRegion(null, 'H41092600002', '000000'), '410926');
  assert.equal(replyRegion(null, 'X', '000000'), '000000');
  const t = { refmsgid: 'r', received: at, answered: at };
  const ok = JSON.parse(
    JSON.stringify(
      nationalReply(
        okResponse(t, {
          setlinfo: { setl_id: 'S1' },
          result: [{ pric_uplmt_amt: rawNumber('0.00') }, { pric_uplmt_amt: rawNumber('100.00') }],
        }),
        'M1',
      ),
    ),
  );
  assert.equal(ok.output.setlinfo.medins_setl_id, 'M1');
  assert.deepEqual(
    ok.output.result.map((r: { pric_uplmt_amt: number }) => r.pric_uplmt_amt),
    [999999, 100],
  );
  assert.deepEqual([ok.cainfo, ok.signtype, ok.enctype], [null, null, null]);
  const e = nationalReply(errorResponse(t, '失败'), null);
  assert.deepEqual(e.output, {});
  assert.equal(e.enctype, null);
});

test('gateway schemes: which one was presented, and each verified against the configured one', () => {
  const now = new Date('2026-03-15T06:00:00Z');
  const ts = String(now.getTime() / 1000);
  const secret = 'secret-secret-0001';
  const tif = presentedCredentials({
    'x-tif-paasid': 'P1',
    'x-tif-timestamp': ts,
    'x-tif-nonce': 'n1',
    'x-tif-signature': signature(ts, secret, 'n1'),
  });
  assert.equal(tif.scheme, 'tif');
  verifyPresented(tif, 'tif', secret, now);
  assert.equal(replayKey(tif), 'tif:n1');
  assert.throws(() => verifyPresented(tif, 'apikey', secret, now), /apikey 请求头/);

  const key = presentedCredentials({ apikey: secret });
  assert.equal(key.scheme, 'apikey');
  verifyPresented(key, 'apikey', secret, now);
  assert.throws(
    () => verifyPresented(presentedCredentials({ apikey: 'x' }), 'apikey', secret, now),
    /apikey 校验失败/,
  );
  assert.equal(replayKey(key), null);

  const f = { accessKey: 'P1', name: 'n', version: '1', timestamp: ts };
  const hmac = presentedCredentials({
    _api_access_key: 'P1',
    _api_name: 'n',
    _api_version: '1',
    _api_timestamp: ts,
    _api_signature: apiHmacSignature(f, secret),
  });
  verifyPresented(hmac, 'api_hmac', secret, now);
  const sha1 = presentedCredentials({
    _api_access_key: 'P1',
    _api_name: 'n',
    _api_version: '1',
    _api_timestamp: ts,
    _api_signature: apiHmacSignature(f, secret, 'sha1'),
  });
  verifyPresented(sha1, 'api_hmac', secret, now);
  const late = new Date(now.getTime() + 6 * 60_000);
  assert.throws(() => verifyPresented(hmac, 'api_hmac', secret, late), /超过 5 分钟/);
  assert.throws(() => presentedCredentials({ _api_access_key: 'P1' }), /缺少认证请求头 _api_timestamp/);
  // nothing presented: the national headers are asked for
  assert.throws(() => presentedCredentials({}), /缺少认证请求头 x-tif-paasid/);
});
