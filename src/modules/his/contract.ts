// The HIS credential routes' request and reply shapes (the web imports these).
import { z } from 'zod';

export const credentialParams = z.object({
  code: z.string().regex(/^[HP]\d{11}$/, '机构编码应为 H 或 P 加 11 位数字'),
});

export const CREDENTIAL_STATES = ['none', 'active', 'revoked'] as const;
export type CredentialState = (typeof CREDENTIAL_STATES)[number];
export const CREDENTIAL_STATE_NAMES: Record<CredentialState, string> = {
  none: '未签发',
  active: '有效',
  revoked: '已吊销',
};

/** What anyone managing credentials may see: never the secret. */
export interface CredentialStatus {
  fixmedinsCode: string;
  state: CredentialState;
  paasid: string | null;
  authScheme: string | null;
  issuedAt: string | null;
  rotatedAt: string | null;
  revokedAt: string | null;
}

/** The one reply that carries the secret (issue and rotate). */
export interface IssuedCredential extends CredentialStatus {
  secret: string;
}

/**
 * GET /api/his/mappings/:code and /api/his/departments/:code — an institution's live 目录对照 (3301)
 * and 医保科室 (3401), as its HIS uploaded them.
 */
export const uploadedListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export interface MappingItem {
  hisItemCode: string;
  hisItemName: string;
  listType: string;
  itemCode: string;
  itemName: string | null;
  beginDate: string;
  endDate: string | null;
  inCatalogue: boolean;
  createdAt: string;
}

export interface MappingList {
  items: MappingItem[];
  total: number;
}

export type { DepartmentDetail, DepartmentRecord as DepartmentItem } from '../../domain/his/records.ts';
import type { MedicalRecordInfno } from '../../domain/his/medical-record-forms.ts';
import type { DepartmentRecord } from '../../domain/his/records.ts';

export interface DepartmentList {
  items: DepartmentRecord[];
  total: number;
}

/** GET /api/his/settlement-lists/:setlId — the live 结算清单 its institution's HIS uploaded (4101). */
export const settlementListParams = z.object({ setlId: z.string().trim().min(1).max(30) });

export interface SettlementListItem {
  id: number;
  setlId: string;
  mainDiagCode: string | null;
  mainDiagName: string | null;
  operations: number;
  /** stas_type as the HIS last set it (4101 or 4102) */
  status: string | null;
  uploadedAt: string;
  statusAt: string | null;
  /** earlier uploads of the same settlement's list, ended */
  replaced: number;
  /** the national document as uploaded (setlinfo and its lists; amounts in fen, times ISO) */
  document: Record<string, unknown>;
}

/**
 * GET /api/his/medical-records?setlId= | ?mdtrtId= — a visit's live 诊疗记录 (4301), 急诊留观
 * (4302), 病案首页 (4401), 医嘱 (4402) and 电子病历 (4701) as its institution's HIS uploaded them;
 * for the 病历抽查 reviewers, each reading audited.
 */
export const medicalRecordQuery = z.object({
  setlId: z.string().trim().min(1).max(30).optional(),
  mdtrtId: z.string().trim().min(1).max(30).optional(),
});

export interface MedicalRecordItem {
  id: number;
  infno: MedicalRecordInfno;
  uploadedAt: string;
  msgid: string;
  /** earlier uploads of the same form for the visit, ended */
  replaced: number;
  /** section → rows of members as uploaded */
  document: Record<string, Record<string, string>[]>;
}

export interface VisitMedicalRecords {
  mdtrtId: string;
  psnNo: string;
  fixmedinsCode: string;
  records: MedicalRecordItem[];
}
