// Chinese names for the codes the registry and settlement APIs return. The national and registry
// codes are named once for server and web (src/domain/shared/labels.ts); an unknown code shows as
// itself so a new value on the server never renders as an empty cell.
export {
  ENROLLMENT_STATUS_NAMES,
  GENDER_NAMES,
  INSUTYPE_NAMES,
  INSUTYPE_SHORT_NAMES,
  labelOf,
  MED_TYPE_NAMES,
  PERSON_STATUS_NAMES,
} from '../../../../src/domain/shared/labels.ts';

/** antd Tag colours per status: normal is the quiet default. */
export const PERSON_STATUS_COLOR: Record<string, string | undefined> = {
  normal: 'green',
  deceased: 'default',
  imprisoned: 'orange',
  moved_out: 'blue',
};

export const SETTLEMENT_STATUS: Record<string, string> = {
  settled: '已结算',
  reversed: '已撤销',
  reversal: '撤销记录',
};

/** Identity codes → their names from /api/registry/identity-types (unknown codes as themselves). */
export function identityNames(codes: readonly string[], types: readonly { code: string; name: string }[]) {
  const byCode = new Map(types.map((t) => [t.code, t.name]));
  return codes.map((c) => byCode.get(c) ?? c);
}
