// The header schemes real deployments put in front of a HIS, chosen per institution credential
// (institution_credential.auth_scheme):
// - 'tif'      x-tif-paasid / -timestamp / -nonce / -signature (signature.ts);
// - 'api_hmac' _api_access_key (the paasid), _api_name, _api_version, _api_timestamp and
//              _api_signature = base64 HMAC of "_api_access_key=…&_api_name=…&_api_timestamp=…&_api_version=…"
//              (keys in order) with the secret; HMAC-SHA256, or HMAC-SHA1 as older gateways sign;
// - 'apikey'   an apikey header holding the secret itself, the institution named by the envelope.
// A signed scheme's timestamp must be within five minutes, and its nonce (tif) or signature
// (api_hmac) is accepted once: the caller remembers it for the window (replayKey).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { unauthorized } from '../shared/errors.ts';
import {
  type GatewayHeaders,
  gatewayHeaders,
  MAX_CLOCK_SKEW_MS,
  timestampMs,
  verifySignature,
} from './signature.ts';

export const AUTH_SCHEMES = ['tif', 'apikey', 'api_hmac'] as const;
export type AuthScheme = (typeof AUTH_SCHEMES)[number];

export interface ApiHmacHeaders {
  accessKey: string;
  name: string;
  version: string;
  timestamp: string;
  signature: string;
}

export type Presented =
  | { scheme: 'tif'; paasid: string; tif: GatewayHeaders }
  | { scheme: 'api_hmac'; paasid: string; api: ApiHmacHeaders }
  | { scheme: 'apikey'; paasid: null; apikey: string };

type Headers = Record<string, string | string[] | undefined>;

const header = (h: Headers, name: string): string | null => {
  const v = h[name];
  const s = Array.isArray(v) ? v[0] : v;
  return s?.trim() ? s.trim() : null;
};

/** Which scheme the caller used; with none, the national x-tif-* headers are asked for. */
export function presentedCredentials(h: Headers): Presented {
  if (header(h, 'x-tif-paasid') === null && header(h, '_api_access_key') !== null) {
    const one = (name: string) => {
      const s = header(h, name);
      if (s === null) throw unauthorized('HIS_AUTH_HEADER_MISSING', `缺少认证请求头 ${name}`);
      return s;
    };
    const api: ApiHmacHeaders = {
      accessKey: one('_api_access_key'),
      name: header(h, '_api_name') ?? '',
      version: header(h, '_api_version') ?? '',
      timestamp: one('_api_timestamp'),
      signature: one('_api_signature'),
    };
    return { scheme: 'api_hmac', paasid: api.accessKey, api };
  }
  if (header(h, 'x-tif-paasid') === null && header(h, 'apikey') !== null) {
    return { scheme: 'apikey', paasid: null, apikey: header(h, 'apikey') as string };
  }
  const tif = gatewayHeaders(h);
  return { scheme: 'tif', paasid: tif.paasid, tif };
}

export function apiHmacText(a: Omit<ApiHmacHeaders, 'signature'>): string {
  return `_api_access_key=${a.accessKey}&_api_name=${a.name}&_api_timestamp=${a.timestamp}&_api_version=${a.version}`;
}

export function apiHmacSignature(
  a: Omit<ApiHmacHeaders, 'signature'>,
  secret: string,
  algo = 'sha256',
): string {
  return createHmac(algo, secret).update(apiHmacText(a)).digest('base64');
}

const same = (a: string, b: string) => {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
};

/** Throws unless the presented headers prove the secret (and, when signed, are fresh). */
export function verifyPresented(p: Presented, scheme: AuthScheme, secret: string, now: Date): void {
  if (p.scheme !== scheme) {
    throw unauthorized('HIS_AUTH_SCHEME', `本机构的接入账号须使用 ${SCHEME_NAMES[scheme]} 认证方式`);
  }
  if (p.scheme === 'tif') {
    verifySignature(p.tif, secret, now);
    return;
  }
  if (p.scheme === 'apikey') {
    if (!same(p.apikey, secret)) throw unauthorized('HIS_AUTH_SIGNATURE', 'apikey 校验失败');
    return;
  }
  const ms = timestampMs(p.api.timestamp);
  if (ms === null)
    throw unauthorized('HIS_AUTH_TIMESTAMP', '_api_timestamp 格式不正确（应为 Unix 秒或毫秒）');
  if (Math.abs(ms - now.getTime()) > MAX_CLOCK_SKEW_MS) {
    throw unauthorized('HIS_AUTH_TIMESTAMP', '请求时间戳与服务器时间相差超过 5 分钟，请校准时钟');
  }
  const ok = ['sha256', 'sha1'].some((algo) => same(apiHmacSignature(p.api, secret, algo), p.api.signature));
  if (!ok) throw unauthorized('HIS_AUTH_SIGNATURE', '签名校验失败');
}

/** What may be used once per institution inside the window: the nonce, or the HMAC itself. */
export function replayKey(p: Presented): string | null {
  if (p.scheme === 'tif') return `tif:${p.tif.nonce}`;
  if (p.scheme === 'api_hmac') return `api:${p.api.signature}`;
  return null;
}

export const SCHEME_NAMES: Record<AuthScheme, string> = {
  tif: 'x-tif-* 签名',
  apikey: 'apikey 请求头',
  api_hmac: '_api_* HMAC 签名',
};
