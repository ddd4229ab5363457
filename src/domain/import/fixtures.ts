// Test fixtures for the import rules: headers as a ledger has them, rows numbered as in the file,
// and registered persons with real-shaped ID numbers.
import { makeIdNumber } from '../registry/id-number.ts';
import type { Cell } from './cells.ts';
import { type HeaderMap, locateHeaders } from './headers.ts';
import type { ImportKind } from './kinds.ts';
import type { PersonRef, SourceRow } from './rows.ts';
import type { IdentityTypeRef } from './vocab.ts';

export const TODAY = '2026-03-15';
export const CERT_A = makeIdNumber('410926', '1960-05-01', 11); // male
export const CERT_B = makeIdNumber('410926', '1985-10-20', 22); // female
export const CERT_NEW = makeIdNumber('410926', '2001-02-03', 31);

export function headersOf(kind: ImportKind, header: string[]): HeaderMap {
  const h = locateHeaders(kind, [header]);
  if (h instanceof Error) throw h;
  return h;
}

/** data rows start at row 2 (row 1 is the header) */
export const rowsOf = (...rows: Cell[][]): SourceRow[] => rows.map((cells, i) => ({ rowNo: i + 2, cells }));

export function person(certno: string, name: string, over: Partial<PersonRef> = {}): PersonRef {
  return {
    psnNo: `4109260000${certno.slice(-6)}`,
    certno,
    name,
    admdvs: '410926',
    birthDate: `${certno.slice(6, 10)}-${certno.slice(10, 12)}-${certno.slice(12, 14)}`,
    status: 'normal',
    statusDate: null,
    deathDate: null,
    villageCode: '410926101001',
    householdNo: null,
    phone: null,
    ...over,
  };
}

export const IDENTITY_TYPES = new Map<string, IdentityTypeRef>(
  [
    { code: 'tekun', name: '特困', department: '民政', subsidisesEnrollment: true },
    { code: 'dibao', name: '低保', department: '民政', subsidisesEnrollment: true },
    { code: 'tuopin', name: '脱贫人口', department: '乡村振兴', subsidisesEnrollment: true },
    { code: 'jiance', name: '防返贫监测对象', department: '乡村振兴', subsidisesEnrollment: true },
    { code: 'tuiyi', name: '退役军人', department: '退役军人事务', subsidisesEnrollment: false },
  ].map((t) => [t.code, t]),
);
