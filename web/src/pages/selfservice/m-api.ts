// The self-service site's calls to /api/m: its own small client (the staff client sends a 401 to the
// staff login page; here a 401 goes back to the person's login).
import { ApiError, type ApiErrorBody } from '../../lib/api.ts';

let onLoggedOut: (() => void) | null = null;
export const setLoggedOutHandler = (fn: (() => void) | null) => {
  onLoggedOut = fn;
};

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['content-type'] = 'application/json';
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' });
  }
  const data = await res.json().catch(() => null);
  if (res.status === 401 && !path.startsWith('/api/m/auth/')) onLoggedOut?.();
  if (!res.ok) {
    const err = (data as { error?: ApiErrorBody } | null)?.error;
    throw new ApiError(
      res.status,
      err ?? { code: `HTTP_${res.status}`, message: `请求失败（${res.status}）` },
    );
  }
  return data as T;
}

export const mApi = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => call<T>('POST', path, body),
  upload: <T>(path: string, form: FormData) => call<T>('POST', path, form),
};

export const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));
