// The counter form's pure part: the ticks of the materials checklist become the request's handedIn
// and deferred lists, and the handler's fields become its payload (amounts typed in 元 → fen).
import type { Material } from '../../../../src/domain/matter/catalogue.ts';
import { yuanToFen } from '../../lib/format.ts';

export type Tick = 'handed_in' | 'deferred' | 'missing';

export function materialLists(list: readonly Material[], ticks: Readonly<Record<string, Tick>>) {
  return {
    handedIn: list.filter((m) => ticks[m.name] === 'handed_in').map((m) => m.name),
    deferred: list.filter((m) => m.deferrable && ticks[m.name] === 'deferred').map((m) => m.name),
  };
}

export type FormValues = Record<string, string | number | boolean | null | undefined>;

const str = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const fenOf = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? yuanToFen(v) : null);

/** The payload a handler expects, from the form's fields (unknown handler: an empty payload). */
export function payloadOf(handler: string | null, v: FormValues): Record<string, unknown> {
  switch (handler) {
    case 'person.register': {
      const personal = fenOf(v.personalYuan);
      const fiscal = fenOf(v.fiscalYuan);
      return {
        certno: str(v.certno),
        name: str(v.name),
        phone: str(v.phone) ?? null,
        villageCode: str(v.villageCode),
        householdNo: str(v.householdNo) ?? null,
        relation: str(v.householdNo) ? (str(v.relation) ?? '子女') : null,
        address: str(v.address) ?? null,
        enroll:
          v.enroll && personal !== null && fiscal !== null
            ? {
                personalFen: personal,
                fiscalFen: fiscal,
                contributionReason: str(v.contributionReason) ?? null,
              }
            : null,
      };
    }
    case 'person.change':
      return {
        psnNo: str(v.psnNo),
        ...(str(v.phone) ? { phone: str(v.phone) } : {}),
        ...(str(v.villageCode) ? { villageCode: str(v.villageCode) } : {}),
        ...(str(v.newName) ? { name: str(v.newName) } : {}),
      };
    case 'enrollment.correct':
      return {
        enrollmentId: Number(v.enrollmentId),
        personalFen: fenOf(v.personalYuan),
        fiscalFen: fenOf(v.fiscalYuan),
        assistedFen: fenOf(v.assistedYuan) ?? 0,
        reason: str(v.reason),
      };
    case 'enrollment.stop':
      return { enrollmentId: Number(v.enrollmentId), stoppedOn: str(v.stoppedOn), reason: str(v.reason) };
    case 'person.status':
      return {
        psnNo: str(v.psnNo),
        status: str(v.status),
        effectiveDate: str(v.effectiveDate),
        source: str(v.source),
        note: str(v.note) ?? null,
      };
    case 'identity.add':
      return {
        psnNo: str(v.psnNo),
        identityCode: str(v.identityCode),
        sourceDept: str(v.sourceDept),
        validFrom: str(v.validFrom),
        validTo: str(v.validTo) ?? null,
        sourceRef: str(v.sourceRef) ?? null,
      };
    case 'identity.end':
      return { identityId: Number(v.identityId), validTo: str(v.validTo), reason: str(v.reason) };
    default:
      return {};
  }
}
