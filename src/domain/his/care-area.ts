// The place of care (就医地, the envelope's mdtrtarea_admvs) is the institution's region: out-of-area
// care is decided by the institution's region against the person's insured region. A HIS may name
// its county, or the prefecture or province that pools it (GB/T 2260: xxxx00 a prefecture, xx0000 a
// province); an envelope naming another place speaks for an institution it is not, and is refused
// rather than settled at the wrong ratio. A missing or malformed code is left to the envelope check.
import { type AppError, forbidden } from '../shared/errors.ts';

export function careAreaCovers(mdtrtareaAdmvs: string, institutionAdmdvs: string): boolean {
  return (
    mdtrtareaAdmvs === institutionAdmdvs ||
    mdtrtareaAdmvs === `${institutionAdmdvs.slice(0, 4)}00` ||
    mdtrtareaAdmvs === `${institutionAdmdvs.slice(0, 2)}0000`
  );
}

export function checkCareArea(mdtrtareaAdmvs: string | null, institutionAdmdvs: string): AppError | null {
  if (!mdtrtareaAdmvs || !/^\d{6}$/.test(mdtrtareaAdmvs)) return null;
  if (careAreaCovers(mdtrtareaAdmvs, institutionAdmdvs)) return null;
  return forbidden(
    'HIS_CARE_AREA_MISMATCH',
    `报文的就医地医保区划（mdtrtarea_admvs）${mdtrtareaAdmvs} 与机构所在区划 ${institutionAdmdvs} 不符`,
  );
}
