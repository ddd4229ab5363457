// The request log must not become a copy of the register. The workbench searches with
// ?certno=…, and a database error carries the statement's parameters (PGlite attaches them to
// the error; a unique-key violation quotes the value in its detail): the serializers mask
// resident ID numbers, phone numbers and person-identifying query parameters before pino writes.
import type { FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';
import { maskIdNumber, maskPhone } from '../domain/shared/masking.ts';

// 18-character (or old 15-digit) resident IDs and mainland mobile numbers standing alone; the
// lookarounds keep person numbers (16), visit ids and msgids (letters + digits) intact.
const ID_LIKE = /(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const PHONE_LIKE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/g;

/** Query parameters whose value identifies a person, whatever it looks like. */
const PERSONAL_PARAMS =
  /^(certno|idnumber|id_number|mdtrt_cert_no|psn_cert_no|phone|mobile|tel|name|psn_name)$/i;

export function redactText(s: string): string {
  return s.replace(ID_LIKE, (m) => maskIdNumber(m) ?? '').replace(PHONE_LIKE, (m) => maskPhone(m) ?? '');
}

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return redactText(url);
  const query = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const key = eq < 0 ? pair : pair.slice(0, eq);
      let name = key;
      try {
        name = decodeURIComponent(key);
      } catch {}
      return eq >= 0 && PERSONAL_PARAMS.test(name) ? `${key}=***` : pair;
    })
    .join('&');
  return redactText(`${url.slice(0, q)}?${query}`);
}

/** Fields of a database error that hold the statement's values rather than its text. */
const VALUE_FIELDS = new Set(['params', 'queryOptions', 'parameters', 'values']);

function redactValue(v: unknown, depth: number): unknown {
  if (typeof v === 'string') return redactText(v);
  if (depth > 3 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map((x) => redactValue(x, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (!VALUE_FIELDS.has(k)) out[k] = redactValue(x, depth + 1);
  }
  return out;
}

export function redactError(err: Error) {
  return redactValue(stdSerializers.err(err), 0) as ReturnType<typeof stdSerializers.err>;
}

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

/** Fastify's own request fields (no headers: the session cookie stays out), with the URL redacted. */
export function redactRequest(req: LoggedRequest) {
  return {
    method: req.method,
    url: redactUrl(req.url),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}

export const LOG_SERIALIZERS = { req: redactRequest, err: redactError };

type LoggerOption = FastifyServerOptions['logger'];

/** The server's logger options with the redacting serializers in place of any req / err ones. */
export function redactingLogger(opt: LoggerOption): LoggerOption {
  if (!opt) return false;
  const base = opt === true ? {} : opt;
  return { ...base, serializers: { ...base.serializers, ...LOG_SERIALIZERS } };
}
