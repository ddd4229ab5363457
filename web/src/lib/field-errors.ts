// Turns the API's error envelope into messages beside form fields. VALIDATION_FAILED lists
// `{field: 'body.x', message}`; a domain error carries one `details.field` and its message is the
// error's own. A code without a field may still belong to one (codeFields). zod's built-in
// messages are English, so a field whose server message has no Chinese gets the form's own
// Chinese message for that field instead.

export interface ErrorLike {
  code: string;
  message: string;
  details?: unknown;
}

export interface FieldErrorMapping {
  /** the form's field names */
  fields: readonly string[];
  /** API field → form field where they differ (e.g. personalFen → personal) */
  apiToForm?: Record<string, string>;
  /** error code → form field, for codes whose details carry no usable field */
  codeFields?: Record<string, string>;
  /** Chinese message for a form field when the server's is not Chinese */
  fallback?: (field: string) => string;
}

export interface MappedErrors {
  /** form field → message */
  fields: Record<string, string>;
  /** what belongs to no field (shown above the form), or null */
  form: string | null;
}

const CHINESE = /[\u4e00-\u9fff]/;

function formFieldOf(apiField: string, m: FieldErrorMapping): string | null {
  const name = apiField.replace(/^(body|querystring|params)\./, '').split('.')[0];
  const f = m.apiToForm?.[name] ?? name;
  return m.fields.includes(f) ? f : null;
}

export function mapApiError(err: ErrorLike, m: FieldErrorMapping): MappedErrors {
  const fields: Record<string, string> = {};
  const fallback = (f: string) => m.fallback?.(f) ?? '格式不正确';
  if (err.code === 'VALIDATION_FAILED' && Array.isArray(err.details)) {
    let unplaced = false;
    for (const d of err.details as { field?: unknown; message?: unknown }[]) {
      const f = typeof d?.field === 'string' ? formFieldOf(d.field, m) : null;
      if (!f) {
        unplaced = true;
        continue;
      }
      if (fields[f]) continue; // first message per field, as the form shows one
      const msg = typeof d.message === 'string' && CHINESE.test(d.message) ? d.message : fallback(f);
      fields[f] = msg;
    }
    return { fields, form: unplaced || Object.keys(fields).length === 0 ? err.message : null };
  }
  const details = err.details as { field?: unknown } | null | undefined;
  const detailField =
    details && typeof details === 'object' && typeof details.field === 'string'
      ? formFieldOf(details.field, m)
      : null;
  const codeField = m.codeFields?.[err.code];
  const f = detailField ?? (codeField && m.fields.includes(codeField) ? codeField : null);
  if (f) return { fields: { [f]: err.message }, form: null };
  return { fields: {}, form: err.message };
}
