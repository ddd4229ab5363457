// Hashing and checking passwords. The hasher is passed in (tests count its verifications);
// unknown names are checked against a dummy hash made with the same parameters, so a login
// costs one argon2 verification whether or not the name exists.
import { randomBytes, randomInt } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { passwordProblems } from '../../domain/accounts/password-policy.ts';
import { badRequest } from '../../domain/shared/errors.ts';

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
}

export const argon2Hasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: (passwordHash, password) => verify(passwordHash, password),
};

let dummy: Promise<string> | undefined;
/** An argon2 hash of a random secret nobody knows, made once per process. */
export function dummyHash(): Promise<string> {
  dummy ??= hash(randomBytes(24).toString('base64url'));
  return dummy;
}

/** Refuse a password the policy rejects: 400 with the first rule's code, all problems in details. */
export function assertAcceptable(
  password: string,
  o: { username: string; demo?: boolean; field?: string },
): void {
  const problems = passwordProblems(password, o);
  if (problems.length === 0) return;
  const field = o.field ?? 'password';
  throw badRequest(
    problems[0].code,
    problems.map((p) => p.message).join('；'),
    problems.map((p) => ({ field, code: p.code, message: p.message })),
  );
}

// No 0/O, 1/l/I: a temporary password is read out on the phone or copied from a screen.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGIT = '23456789';

/** A temporary password such as `Kp7m-Xq2r-9Tzw`: three groups of four, every class but symbol
 * plus the dashes, so it always passes the policy (≈ 70 bits). */
export function temporaryPassword(username: string): string {
  const all = LOWER + UPPER + DIGIT;
  for (;;) {
    const chars = Array.from({ length: 12 }, () => all[randomInt(all.length)]);
    const pw = [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
    if (passwordProblems(pw, { username }).length === 0) return pw;
  }
}
