// Pure helpers of the account pages: the password checks call the domain's policy (so the page
// says exactly what the API would), and the API's field errors find their form field.
import { passwordProblems } from '../../../../src/domain/accounts/password-policy.ts';
import { fieldErrorsOf } from '../../lib/api.ts';

/** The first policy message for a password, or null when acceptable; empty means "not given". */
export function passwordMessage(password: string, username: string): string | null {
  return passwordProblems(password, { username })[0]?.message ?? null;
}

export interface ChangePasswordValues {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function validateChange(
  v: ChangePasswordValues,
  username: string,
): Partial<Record<keyof ChangePasswordValues, string>> {
  const errors: Partial<Record<keyof ChangePasswordValues, string>> = {};
  if (!v.oldPassword) errors.oldPassword = '请输入原密码';
  const policy = passwordMessage(v.newPassword ?? '', username);
  if (!v.newPassword) errors.newPassword = '请输入新密码';
  else if (policy) errors.newPassword = policy;
  else if (v.newPassword === v.oldPassword) errors.newPassword = '新密码不能与原密码相同';
  if (v.confirm !== v.newPassword) errors.confirm = '两次输入的新密码不一致';
  return errors;
}

/** API error details → {field: message}; a coded error without a field goes to `form`. */
export function placeApiError(
  e: { code: string; message: string; details?: unknown },
  fields: readonly string[],
): { fields: Record<string, string>; form: string | null } {
  const placed: Record<string, string> = {};
  // the policy lists every broken rule for a field: show the first, as the page's own check does
  const list = Array.isArray(e.details) ? e.details : e.details ? [e.details] : [];
  for (const d of list) {
    for (const [k, m] of Object.entries(fieldErrorsOf(d)))
      if (fields.includes(k) && !placed[k]) placed[k] = m;
  }
  return { fields: placed, form: Object.keys(placed).length > 0 ? null : e.message };
}
