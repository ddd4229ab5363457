// The workbench's one way to call the staff API: JSON in and out, the server's error envelope
// turned into ApiError, and an expired session sent back to the login page (then back here).

export interface ApiErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  constructor(status: number, body: ApiErrorBody) {
    super(body.message);
    this.status = status;
    this.code = body.code;
    this.details = body.details;
  }
  /** Field errors from VALIDATION_FAILED / domain errors, keyed by the form's field name. */
  fieldErrors(): Record<string, string> {
    return fieldErrorsOf(this.details);
  }
}

/** `body.idNumber` / `idNumber` → message; a domain error's details.field too. */
export function fieldErrorsOf(details: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const list = Array.isArray(details) ? details : details && typeof details === 'object' ? [details] : [];
  for (const d of list) {
    if (!d || typeof d !== 'object') continue;
    const { field, message } = d as { field?: unknown; message?: unknown };
    if (typeof field !== 'string') continue;
    const name = field.replace(/^(body|querystring|params)\./, '');
    out[name] = typeof message === 'string' ? message : '格式不正确';
  }
  return out;
}

let onUnauthorized: (() => void) | null = null;
/** The session provider registers how to go to the login page on a 401. */
export function setUnauthorizedHandler(fn: (() => void) | null): void {
  onUnauthorized = fn;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `${path}?${s}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), init);
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  if (res.status === 401 && !path.startsWith('/api/auth/login')) onUnauthorized?.();
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | null)?.error;
    throw new ApiError(
      res.status,
      err ?? { code: `HTTP_${res.status}`, message: `请求失败（${res.status}）` },
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
