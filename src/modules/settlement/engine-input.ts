// From stored rows to the engine's input: the visit as the engine sees it, the person context,
// and the benefit policy in force in the person's pooling region on the date.
import type { Queryable } from '../../db/types.ts';
import type { Policy } from '../../domain/settlement/policy.ts';
import type { Insutype, PersonContext, Visit } from '../../domain/settlement/types.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { activePolicy } from '../policy/index.ts';
import { type Institution, INSUTYPE_NAMES } from './caller.ts';
import type { PersonContextRow } from './context-repo.ts';
import type { VisitRow } from './visit-repo.ts';

export interface PolicyInForce {
  id: number;
  version: string;
  policy: Policy;
}

export async function policyFor(
  q: Queryable,
  person: { admdvs: string; insuredAdmdvs: string | null },
  insutype: Insutype,
  onDate: string,
): Promise<PolicyInForce> {
  const admdvs = person.insuredAdmdvs ?? person.admdvs;
  const p = await activePolicy(q, admdvs, insutype, onDate);
  if (!p) {
    throw badRequest(
      'SETTLEMENT_NO_POLICY',
      `参保地 ${admdvs} 在 ${onDate} 没有生效的${INSUTYPE_NAMES[insutype]}待遇政策，无法计算，请联系医保经办机构`,
    );
  }
  return p;
}

export function engineContext(
  v: VisitRow,
  inst: Institution,
  p: Pick<PersonContextRow, 'psnNo' | 'gender' | 'birthDate' | 'identities' | 'filings' | 'qualifications'>,
  endDate: string,
  careType = v.medType,
): { visit: Visit; personContext: PersonContext } {
  return {
    visit: {
      careType,
      institutionCode: inst.code,
      institutionLevel: inst.level,
      institutionAdmdvs: inst.admdvs,
      beginDate: v.beginDate,
      endDate,
      diagnoses: v.diagnoses.map((d) => d.code),
      outOfArea: v.outOfArea,
      emergency: careType === '13',
    },
    personContext: {
      psnNo: p.psnNo,
      insutype: v.insutype,
      gender: p.gender,
      birthDate: p.birthDate,
      identities: p.identities,
      filings: p.filings,
      diseaseQualifications: p.qualifications,
      // personal accounts are not kept by Yibao yet: an employee's balance counts as zero
      accountBalanceFen: 0,
    },
  };
}
