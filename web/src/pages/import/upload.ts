// Upload with progress: fetch() cannot report upload progress, XMLHttpRequest's upload.onprogress
// can. Errors come back as the same ApiError the rest of the workbench uses; a 401 asks the
// session once more through api.get so the shared handler sends the clerk to the login page.
import { ApiError, api } from '../../lib/api.ts';

export function uploadWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'NETWORK', message: '无法连接服务器，请检查网络后重试' }));
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        data = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(data as T);
        return;
      }
      if (xhr.status === 401) void api.get('/api/auth/me').catch(() => undefined);
      const err = (data as { error?: { code: string; message: string; details?: unknown } } | null)?.error;
      reject(
        new ApiError(xhr.status, err ?? { code: `HTTP_${xhr.status}`, message: `上传失败（${xhr.status}）` }),
      );
    };
    xhr.send(form);
  });
}
