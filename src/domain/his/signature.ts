// Gateway authentication of an institution's HIS: x-tif-paasid names the credential,
// x-tif-signature = hex SHA-256(timestamp + secret + nonce + timestamp). A timestamp more than
// five minutes from the server clock is refused so a captured request cannot be replayed later.
import { hash, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '../shared/errors.ts';

export const MAX_CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface GatewayHeaders {
  paasid: string;
  timestamp: string;
  nonce: string;
  signature: string;
}

export function signature(timestamp: string, secret: string, nonce: string): string {
  // the one-shot digest: no Hash object per request
  return hash('sha256', timestamp + secret + nonce + timestamp, 'hex');
}

/** Read the four x-tif-* headers; any missing one is an authentication failure. */
export function gatewayHeaders(h: Record<string, string | string[] | undefined>): GatewayHeaders {
  const one = (name: string) => {
    const v = h[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (!s?.trim()) throw unauthorized('HIS_AUTH_HEADER_MISSING', `缺少认证请求头 ${name}`);
    return s.trim();
  };
  return {
    paasid: one('x-tif-paasid'),
    timestamp: one('x-tif-timestamp'),
    nonce: one('x-tif-nonce'),
    signature: one('x-tif-signature'),
  };
}

/** Timestamps are Unix seconds (10 digits) as the gateways send them; milliseconds are accepted. */
export function timestampMs(ts: string): number | null {
  if (/^\d{10}$/.test(ts)) return Number(ts) * 1000;
  if (/^\d{13}$/.test(ts)) return Number(ts);
  return null;
}

/** Throws unless the signature matches the secret and the timestamp is within the skew. */
export function verifySignature(h: GatewayHeaders, secret: string, now: Date): void {
  const ms = timestampMs(h.timestamp);
  if (ms === null) throw unauthorized('HIS_AUTH_TIMESTAMP', 'x-tif-timestamp 格式不正确（应为 Unix 秒）');
  if (Math.abs(ms - now.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw unauthorized('HIS_AUTH_TIMESTAMP', '请求时间戳与服务器时间相差超过 5 分钟，请校准时钟');
  }
  const expected = Buffer.from(signature(h.timestamp, secret, h.nonce), 'utf8');
  const given = Buffer.from(h.signature.toLowerCase(), 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    throw unauthorized('HIS_AUTH_SIGNATURE', '签名校验失败');
  }
}
