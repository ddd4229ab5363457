// The codes the 参保登记 page shows (险种, 状态, 性别), named once for server and web in
// src/domain/shared/labels.ts; a code without a name shows as itself, so a new code stays visible.
import { INSUTYPE_NAMES, INSUTYPE_SHORT_NAMES, INSUTYPES } from '../../../../src/domain/shared/labels.ts';

export {
  ENROLLMENT_STATUS_NAMES,
  GENDER_NAMES,
  INSUTYPE_NAMES,
  INSUTYPE_SHORT_NAMES,
  type Insutype,
  labelOf,
  PERSON_STATUS_NAMES,
} from '../../../../src/domain/shared/labels.ts';

export const insutypeOptions = (short = false) =>
  INSUTYPES.map((c) => ({ value: c, label: `${c} ${(short ? INSUTYPE_SHORT_NAMES : INSUTYPE_NAMES)[c]}` }));
