import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { isAppError } from '../shared/errors.ts';
import { gatewayHeaders, signature, verifySignature } from './signature.ts';

const SECRET = 'secret-of-H41092600001-0123456789';
const NOW = new Date('2026-03-15T01:30:00Z');
const ts = String(NOW.getTime() / 1000);

const headers = (over: Record<string, string> = {}) => ({
  paasid: 'paas_H41092600001',
  timestamp: ts,
  nonce: 'a1b2c3d4',
  signature: signature(ts, SECRET, 'a1b2c3d4'),
  ...over,
});

const code = (fn: () => void) => {
  try {
    fn();
  } catch (e) {
    assert.ok(isAppError(e));
    return e.code;
  }
  return 'OK';
};

test('the signature is hex SHA-256 of timestamp + secret + nonce + timestamp', () => {
  const expected = createHash('sha256').update(`${ts}${SECRET}a1b2c3d4${ts}`).digest('hex');
  assert.equal(signature(ts, SECRET, 'a1b2c3d4'), expected);
  assert.equal(
    code(() => verifySignature(headers(), SECRET, NOW)),
    'OK',
  );
  assert.equal(
    code(() => verifySignature(headers({ signature: expected.toUpperCase() }), SECRET, NOW)),
    'OK',
  );
});

test('a wrong secret, nonce or signature is refused', () => {
  assert.equal(
    code(() => verifySignature(headers(), 'another-secret-0123456789', NOW)),
    'HIS_AUTH_SIGNATURE',
  );
  assert.equal(
    code(() => verifySignature(headers({ nonce: 'zzz' }), SECRET, NOW)),
    'HIS_AUTH_SIGNATURE',
  );
  assert.equal(
    code(() => verifySignature(headers({ signature: 'abc' }), SECRET, NOW)),
    'HIS_AUTH_SIGNATURE',
  );
});

test('a timestamp more than five minutes off the server clock is refused', () => {
  const at = (offsetS: number) => {
    const t = String(NOW.getTime() / 1000 + offsetS);
    return headers({ timestamp: t, signature: signature(t, SECRET, 'a1b2c3d4') });
  };
  assert.equal(
    code(() => verifySignature(at(300), SECRET, NOW)),
    'OK',
  );
  assert.equal(
    code(() => verifySignature(at(-300), SECRET, NOW)),
    'OK',
  );
  assert.equal(
    code(() => verifySignature(at(301), SECRET, NOW)),
    'HIS_AUTH_TIMESTAMP',
  );
  assert.equal(
    code(() => verifySignature(at(-301), SECRET, NOW)),
    'HIS_AUTH_TIMESTAMP',
  );
  const ms = String(NOW.getTime());
  assert.equal(
    code(() =>
      verifySignature(headers({ timestamp: ms, signature: signature(ms, SECRET, 'a1b2c3d4') }), SECRET, NOW),
    ),
    'OK',
  );
  assert.equal(
    code(() => verifySignature(headers({ timestamp: 'yesterday' }), SECRET, NOW)),
    'HIS_AUTH_TIMESTAMP',
  );
});

test('all four gateway headers are required', () => {
  const h = { 'x-tif-paasid': 'p', 'x-tif-timestamp': ts, 'x-tif-nonce': 'n', 'x-tif-signature': 's' };
  assert.equal(gatewayHeaders(h).paasid, 'p');
  for (const k of Object.keys(h)) {
    assert.equal(
      code(() => gatewayHeaders({ ...h, [k]: undefined })),
      'HIS_AUTH_HEADER_MISSING',
    );
  }
});
