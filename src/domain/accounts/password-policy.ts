// Password policy for staff accounts, one rule per code (checked in this order, all reported):
// - PASSWORD_TOO_SHORT: at least MIN_LENGTH (10) characters, at most MAX_LENGTH (200);
// - PASSWORD_TOO_SIMPLE: at least 3 of the 4 character classes (lower case, upper case, digits,
//   symbols — anything else, including Chinese characters and spaces). Three of four is the usual
//   reading of 等级保护 2.0's "口令复杂度" requirement in county bureaus' own rules;
// - PASSWORD_CONTAINS_USERNAME: not the 工号 and not containing it, ignoring case;
// - PASSWORD_TOO_COMMON: not in the list below of common and published passwords, ignoring case.
//   The demo password is published in the README, so it is refused too, except when seeding the
//   demo county (`demo: true`).
export const MIN_LENGTH = 10;
export const MAX_LENGTH = 200;
export const MIN_CLASSES = 3;

/** The demo county's password, documented in the README; allowed only for the demo county. */
export const DEMO_PASSWORD = 'Yibao@2026';

// Lower-case. Common passwords that pass the length and class rules, as found in leaked-password
// lists (Chinese lists rank pinyin and keyboard walks high), and the passwords published by Yibao.
export const COMMON_PASSWORDS: readonly string[] = [
  'yibao@2026',
  'yibao@2025',
  'yibao@2027',
  'yibao@123456',
  'yibao123456',
  'password123',
  'password@123',
  'password123!',
  'password1234',
  'p@ssw0rd123',
  'p@ssword123',
  'passw0rd123',
  'qwerty123456',
  'qwer1234!@#$',
  '1qaz2wsx3edc',
  '1qaz@wsx3edc',
  '1qaz@2wsx#3edc',
  'qazwsx123456',
  'abc123456789',
  'abcd1234!@#$',
  'abc@123456789',
  'admin123456',
  'admin@123456',
  'admin@12345',
  'administrator1',
  'woaini1314520',
  'woaini@1314',
  'iloveyou1314',
  'aa123456789',
  'a1234567890',
  'a123456789!',
  'zxcvbnm123456',
  'welcome@123',
  'welcome12345',
  'changeme123',
  'change@me123',
  'huawei@123456',
  'huawei12#$',
  'yibao@admin123',
  'yibao-admin-1',
];

export type PasswordRule =
  | 'PASSWORD_TOO_SHORT'
  | 'PASSWORD_TOO_SIMPLE'
  | 'PASSWORD_CONTAINS_USERNAME'
  | 'PASSWORD_TOO_COMMON';

export const PASSWORD_MESSAGES: Record<PasswordRule, string> = {
  PASSWORD_TOO_SHORT: `密码长度须为${MIN_LENGTH}至${MAX_LENGTH}位`,
  PASSWORD_TOO_SIMPLE: `密码须至少包含小写字母、大写字母、数字、符号中的${MIN_CLASSES}种`,
  PASSWORD_CONTAINS_USERNAME: '密码不得包含工号',
  PASSWORD_TOO_COMMON: '密码过于常见或已公开，请换一个',
};

export interface PasswordProblem {
  code: PasswordRule;
  message: string;
}

export function characterClasses(password: string): number {
  let lower = false;
  let upper = false;
  let digit = false;
  let symbol = false;
  for (const ch of password) {
    if (ch >= 'a' && ch <= 'z') lower = true;
    else if (ch >= 'A' && ch <= 'Z') upper = true;
    else if (ch >= '0' && ch <= '9') digit = true;
    else symbol = true;
  }
  return Number(lower) + Number(upper) + Number(digit) + Number(symbol);
}

/** Every rule the password breaks, in the order above; empty when it is acceptable. */
export function passwordProblems(
  password: string,
  o: { username: string; demo?: boolean },
): PasswordProblem[] {
  const codes: PasswordRule[] = [];
  const length = [...password].length;
  if (length < MIN_LENGTH || length > MAX_LENGTH) codes.push('PASSWORD_TOO_SHORT');
  if (characterClasses(password) < MIN_CLASSES) codes.push('PASSWORD_TOO_SIMPLE');
  const lower = password.toLowerCase();
  const name = o.username.trim().toLowerCase();
  if (name.length > 0 && lower.includes(name)) codes.push('PASSWORD_CONTAINS_USERNAME');
  const allowedDemo = o.demo === true && password === DEMO_PASSWORD;
  if (!allowedDemo && COMMON_PASSWORDS.includes(lower)) codes.push('PASSWORD_TOO_COMMON');
  return codes.map((code) => ({ code, message: PASSWORD_MESSAGES[code] }));
}
