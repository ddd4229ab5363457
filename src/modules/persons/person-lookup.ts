// The search keys of the person search: a resident ID (certno) and the counter's free
// "身份证号或人员编号" box (q). Both go through parsePersonKey, so a typo in the check digit or a
// 15-digit legacy ID is handled the same everywhere; a 16-digit entry in the free box that is no
// registered person number is told it has the wrong length instead of "not found".
import type { Queryable } from '../../db/types.ts';
import { idLengthError, parsePersonKey } from '../../domain/registry/id-number.ts';
import { isAppError } from '../../domain/shared/errors.ts';
import { findPerson, type PersonFilter } from './person-repo.ts';

export async function personKeyFilter(
  q: Queryable,
  filter: PersonFilter & { q?: string },
): Promise<PersonFilter> {
  const { q: box, ...out } = filter;
  if (out.certno) {
    const key = parsePersonKey(out.certno, { psnNoAllowed: false });
    if (isAppError(key)) throw key;
    if (key.kind === 'certno') out.certno = key.certno;
  }
  if (box) {
    const key = parsePersonKey(box, { psnNoAllowed: true });
    if (isAppError(key)) throw key;
    if (key.kind === 'certno') return { ...out, certno: key.certno };
    if (!(await findPerson(q, key.psnNo))) throw idLengthError(16, true);
    return { ...out, psnNo: key.psnNo };
  }
  return out;
}
