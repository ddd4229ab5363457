// Request and response shapes of the accounts API (the workbench imports the types).
import { z } from 'zod';
import { MAX_LENGTH } from '../../domain/accounts/password-policy.ts';
import { ROLES } from '../../domain/accounts/roles.ts';
import { nameText } from '../../domain/shared/input-schemas.ts';
import type { AccountListItem } from './repository.ts';
import type { Staff } from './service.ts';

/** An item of GET /api/accounts; Staff: the signed-in staff member (GET /api/auth/me). */
export type { AccountListItem, Staff };

const password = z.string().min(1).max(MAX_LENGTH);

export const loginBody = z.object({ username: z.string().min(1).max(64), password });

export const newAccountBody = z.object({
  username: z.string().min(1).max(64),
  displayName: nameText(64, '姓名'),
  /** absent or empty: a temporary password is generated and returned once */
  password: z.string().max(MAX_LENGTH).nullish(),
  roles: z.array(z.enum(ROLES)).min(1),
  admdvs: z
    .string()
    .regex(/^\d{6}$/)
    .nullish(),
  villageCode: z.string().max(32).nullish(),
  /** the institution of a 定点机构用户 */
  fixmedinsCode: z.string().max(20).nullish(),
});
export type NewAccountBody = z.infer<typeof newAccountBody>;

export const accountIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 53 - 1),
});

export const resetPasswordBody = z.object({
  /** absent or empty: generate a temporary password */
  password: z.string().max(MAX_LENGTH).nullish(),
});

export const changePasswordBody = z.object({ oldPassword: password, newPassword: password });
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;

/** POST /api/accounts and …/reset-password: the generated password, shown once, or null. */
export interface TemporaryPasswordResult {
  temporaryPassword: string | null;
}
