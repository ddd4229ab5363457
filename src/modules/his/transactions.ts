// infno → what it reads, whether it writes, and how its output nodes are built. Writing
// transactions run in one database transaction together with their his_message row; reading
// ones (1101, 2206, 2303, 3201) write nothing, except 1101's audit entry of who looked whom up;
// the advisory 3101/3102 read, and what they record rides in the statement storing the message.
import type { z } from 'zod';
import type { Db, RidingRead, RidingWrite, Tx } from '../../db/types.ts';
import type { Infno } from '../../domain/his/envelope.ts';
import type { Undo } from '../../domain/his/correction.ts';
import type { StockEventInput } from '../../domain/supervision/stock-events.ts';
import { badRequest } from '../../domain/shared/errors.ts';
import { cuminfo } from '../../domain/his/cumulative.ts';
import { feeResult, setldetail, setlinfo } from '../../domain/his/fields.ts';
import {
  catalogueMatchRow,
  catalogueRow,
  chronicDrugRow,
  departmentRow,
  designationRow,
  dictionaryRow,
  diseinfoRows,
  feedetailRow,
  firstShareRow,
  inHospitalRow,
  institutionRow,
  mappingRow,
  mdtrtinfoRow,
  pageFields,
  type SelfPayRowContext,
  selfPayDiagnosisRow,
  selfPayLineRow,
  priceCapRow,
  qualificationRow,
  referralRow,
  staffRow,
  trtinfoRow,
} from '../../domain/his/records.ts';
import * as inputs from '../../domain/his/inputs.ts';
import {
  MEDICAL_RECORD_FORMS,
  type MedicalRecordInfno,
  medicalRecordInput,
} from '../../domain/his/medical-record.ts';
import * as stockInputs from '../../domain/his/stock-inputs.ts';
import * as selfPayInputs from '../../domain/his/selfpay-inputs.ts';
import { DICTIONARY_TYPES, dictionary } from '../../domain/national/dictionary.ts';
import { beijingDate, wireDateTime, yuan } from '../../domain/his/wire.ts';
import { pageWindow } from '../../domain/registry/catalogue-query.ts';
import {
  type Caller,
  cancelDischarge,
  cancelFees,
  cancelHisDesignation,
  cancelReferral,
  designationsInForce,
  fileDesignation,
  cancelVisit,
  changeAdmission,
  chronicDrugs,
  discharge,
  entitlementCheck,
  fileReferral,
  findStoredSettlement,
  inHospital,
  openVisit,
  ownVisitRecord,
  personVisits,
  personYear,
  preSettle,
  qualifications,
  reconcile,
  recordVisitInfo,
  referrals,
  reverseSettlement,
  type SettlementOutcome,
  settleVisit,
  type UploadedLine,
  uploadFees,
  visitLines,
} from '../settlement/index.ts';
import {
  type HisCatalogueItem,
  type HisCatalogueQuery,
  hisCatalogue,
  hisFirstShares,
} from '../catalogue/index.ts';
import { hisInstitutions } from '../institutions/index.ts';
import { classBSharesInForce } from '../policy/index.ts';
import { refuseIfStaffBarred, staffOfInstitution } from '../medstaff/index.ts';
import {
  type AnalysisRequest,
  analyse,
  analysisFactsRead,
  completeSelfPay,
  deleteSelfPayLines,
  deleteStockEvents,
  factsAsk,
  factsOf,
  recordDecisions,
  recordSelfPayLines,
  recordSelfPayVisit,
  recordStockEvents,
  refuseIfBlocked,
  reportedSelfPayVisit,
  type StockReporter,
} from '../supervision/index.ts';
import { correct } from './correction.ts';
import { changeDepartment, departmentsOf, revokeDepartment, uploadDepartments } from './department.ts';
import { downloadFile, reconcileDetails, uploadFile } from './files.ts';
import { revokeMapping, uploadMappings } from './mapping.ts';
import { hisMappingPage } from './mapping-repo.ts';
import { personInfo } from './person-info.ts';
import { setSettlementListStatus, uploadSettlementList } from './settlement-list.ts';
import { uploadMedicalRecord } from './medical-record.ts';
import type { PersonQueryLimiter } from './person-query-limit.ts';
import { signIn, signOut } from './sign.ts';

export interface Outcome {
  output: Record<string, unknown>;
  warnings?: string[];
  /** what a 2601 naming this message would undo */
  undo?: Undo;
  /** 9102: the answer is the file's bytes, not an envelope */
  file?: { filename: string; content: Buffer };
}

/** An advisory transaction's outcome: the reply and what it records (stored with the message). */
export interface AdvisoryOutcome extends Outcome {
  record: RidingWrite;
}

interface TransactionShape {
  schema: z.ZodType;
  /** needs an open sign-in (everything but 9001) */
  signedIn: boolean;
  /**
   * The transaction's first read, to ride in the gateway's statement when the input is valid as
   * sent (no round trip of its own); `run` gets its jsonb as `ahead` (null when it did not ride).
   */
  readAhead?: (input: unknown, now: Date) => RidingRead;
}

/**
 * A writing transaction runs inside the request's one database transaction; a read runs on the
 * database itself, outside any transaction (its audit entry, 1101's, commits on its own). An
 * advisory one (3101/3102) reads on the database and returns what it records, which is stored in
 * the one statement that stores its message, committed without waiting for the disk (a crash may
 * lose the last fraction of a second of warnings; money never commits so).
 */
export type Transaction = TransactionShape &
  (
    | { writes: true; run(q: Tx, c: Caller, input: unknown, services: HisServices): Promise<Outcome> }
    | { writes: false; run(q: Db, c: Caller, input: unknown, services: HisServices): Promise<Outcome> }
    | {
        writes: 'advisory';
        run(q: Db, c: Caller, input: unknown, ahead: unknown): Promise<AdvisoryOutcome>;
      }
  );

/** State the endpoint keeps across requests (one per app). */
export interface HisServices {
  personQueries: PersonQueryLimiter;
}

/**
 * A page of the catalogue as 1312, 1316 and 1318 answer it: the paging fields and each item as
 * `row` writes it, for the region asked (insu_admdvs) or the caller's.
 */
async function cataloguePage(
  q: Db,
  c: Caller,
  i: Omit<HisCatalogueQuery, 'today'> & { insuAdmdvs: string | null },
  row: (item: HisCatalogueItem, admdvs: string) => Record<string, unknown>,
): Promise<Outcome> {
  const { insuAdmdvs, ...filter } = i;
  const page = await hisCatalogue(q, { ...filter, today: beijingDate(c.now) });
  const admdvs = insuAdmdvs ?? c.institution.admdvs;
  return {
    output: {
      ...pageFields(i.page, i.pageSize, page.total, page.items.length),
      data: page.items.map((item) => row(item, admdvs)),
    },
  };
}

/** 1201 answers at most this many institutions */
const INSTITUTIONS_MAX = 500;

function tx<S extends z.ZodType>(
  schema: S,
  writes: true,
  run: (q: Tx, c: Caller, input: z.output<S>, services: HisServices) => Promise<Outcome>,
  signedIn?: boolean,
): Transaction;
function tx<S extends z.ZodType>(
  schema: S,
  writes: false,
  run: (q: Db, c: Caller, input: z.output<S>, services: HisServices) => Promise<Outcome>,
  signedIn?: boolean,
): Transaction;
function tx<S extends z.ZodType>(
  schema: S,
  writes: boolean,
  run: (q: Tx & Db, c: Caller, input: z.output<S>, services: HisServices) => Promise<Outcome>,
  signedIn = true,
): Transaction {
  return { schema, writes, signedIn, run: run as Transaction['run'] } as Transaction;
}

function advisory<S extends z.ZodType>(
  schema: S,
  run: (q: Db, c: Caller, input: z.output<S>, ahead: unknown) => Promise<AdvisoryOutcome>,
  readAhead?: (input: z.output<S>, now: Date) => RidingRead,
): Transaction {
  return {
    schema,
    writes: 'advisory',
    signedIn: true,
    run: run as (q: Db, c: Caller, i: unknown, ahead: unknown) => Promise<AdvisoryOutcome>,
    ...(readAhead ? { readAhead: readAhead as (i: unknown, now: Date) => RidingRead } : {}),
  };
}

const settlementOutput = (o: SettlementOutcome, undoInpatient?: boolean): Outcome => ({
  output: { setlinfo: setlinfo(o.head, o.amounts), setldetail: setldetail(o.funds, o.amounts) },
  warnings: o.warnings,
  undo:
    undoInpatient === undefined
      ? undefined
      : {
          kind: 'settlement',
          setlId: o.head.setlId,
          mdtrtId: o.head.mdtrtId,
          psnNo: o.head.psnNo,
          inpatient: undoInpatient,
        },
});

/** An upload is undone by cancelling its lines; one that returned (netted) lines is not reversible. */
const feeUndo = (rows: UploadedLine[], inpatient: boolean): Undo | undefined => {
  const first = rows[0]?.line;
  if (!first || rows.some((r) => r.line.returnOf !== null)) return undefined;
  return {
    kind: 'fees',
    mdtrtId: first.mdtrtId,
    psnNo: first.psnNo,
    inpatient,
    lineNos: rows.map((r) => r.line.lineNo),
  };
};

const feeOutput = (rows: UploadedLine[], inpatient: boolean): Outcome => ({
  undo: feeUndo(rows, inpatient),
  output: {
    result: rows.map((r) =>
      feeResult(r.result, {
        quantityText: r.line.quantity.text,
        unitPriceFen: r.line.unitPriceFen,
        unitPriceText: r.line.unitPrice.text,
        medChrgitmType: r.medChrgitmType,
        restricted: r.restricted,
      }),
    ),
  },
});

const none: Outcome = { output: {} };

/** 3501–3507 answer in a result node that HIS read: retRslt 1 for success. */
const stockDone: Outcome = { output: { result: { retRslt: '1', msgRslt: null } } };
const reporter = (c: Caller): StockReporter => ({
  fixmedinsCode: c.institution.code,
  msgid: c.msgid,
  actor: c.actor,
  now: c.now,
});
const stockReport = (schema: z.ZodType<StockEventInput[]>): Transaction =>
  tx(schema, true, async (q, c, events) => {
    await recordStockEvents(q, reporter(c), events);
    return stockDone;
  });

/** 4201–4205: kept by supervision; lines reported again under their 记账流水号 told as replaced. */
const selfPayDone = (r: { replaced: number }): Outcome => ({
  output: {},
  warnings: r.replaced > 0 ? [`已替换此前上传的 ${r.replaced} 条明细（记账流水号相同）`] : [],
});

/** 4207 / 4209: the page asked for, with the paging members a PageHelper-based platform writes. */
function pageOf<T>(
  rows: readonly T[],
  q: { page: number; pageSize: number },
  row: (r: T, at: number) => Record<string, unknown>,
) {
  const first = (q.page - 1) * q.pageSize;
  const data = rows.slice(first, first + q.pageSize).map((r, i) => row(r, first + i));
  return { ...pageFields(q.page, q.pageSize, rows.length, data.length), data };
}

const selfPayContext = (
  c: Caller,
  mdtrtId: string,
  r: { medType: string; createdAt: string; receivedAt: string },
): SelfPayRowContext => ({ mdtrtId, fixmedinsCode: c.institution.code, ...r });

/** 4301/4302/4401/4402/4701: the record kept; the sections the form does not have, and a replaced record, told. */
const medicalRecord = (infno: MedicalRecordInfno): Transaction =>
  tx(medicalRecordInput(infno), true, async (q, c, r) => {
    const { replaced } = await uploadMedicalRecord(q, c, r);
    const warnings = [
      ...(r.dropped.length > 0 ? [`未识别的节点未保存：${r.dropped.slice(0, 10).join('、')}`] : []),
      ...(replaced === null ? [] : [`已替换此前上传的${MEDICAL_RECORD_FORMS[infno].name} ${replaced}`]),
    ];
    return { output: {}, warnings };
  });

const SEVERITY_NAMES: Record<string, string> = { certain: '明确违规', suspect: '可疑' };

/** 3101/3102's input as the analysis reads it (dates the HIS left out are today's). */
function analysisRequest(i: inputs.AnalysisInput, stage: 'before' | 'during', now: Date): AnalysisRequest {
  const today = beijingDate(now);
  return {
    stage,
    taskId: i.taskId,
    ruleCodes: i.ruleCodes,
    patients: i.patients.map((p) => ({
      ...p,
      encounters: p.encounters.map((e) => ({
        ...e,
        beginDate: e.beginDate ?? today,
        orders: e.orders.map((o) => ({ ...o, date: o.date ?? e.beginDate ?? today })),
      })),
    })),
  };
}

/** 3101/3102: the analysis in the wire's shapes (result[] with judge_result_detail_dtos). */
async function analysisOutput(
  q: Db,
  c: Caller,
  i: inputs.AnalysisInput,
  stage: 'before' | 'during',
  ahead: unknown,
): Promise<AdvisoryOutcome> {
  const { warnings, record } = await analyse(
    q,
    analysisRequest(i, stage, c.now),
    { institution: c.institution, now: c.now, stamp: wireDateTime(c.now).replace(/\D/g, '') },
    ahead ? factsOf(ahead as Parameters<typeof factsOf>[0]) : undefined,
  );
  return {
    record,
    output: {
      result: warnings.map((w) => ({
        jr_id: w.jrId,
        rule_id: w.ruleCode,
        rule_name: w.ruleName,
        vola_cont: w.note,
        patn_id: w.patnId,
        mdtrt_id: w.mdtrtId ?? '',
        vola_amt: yuan(w.amountFen),
        vola_amt_stas: '1',
        sev_deg: SEVERITY_NAMES[w.resultType] ?? w.resultType,
        vola_evid: w.note,
        vola_bhvr_type: w.resultType === 'certain' ? '1' : '2',
        task_id: i.taskId ?? '',
        judge_result_detail_dtos: w.items.map((it, n) => ({
          jrd_id: `${w.jrId}-${n + 1}`,
          patn_id: w.patnId,
          mdtrt_id: w.mdtrtId ?? '',
          rx_id: it.rxId,
          vola_item_type: '1',
          vola_amt: yuan(it.amountFen),
        })),
      })),
    },
  };
}

/** 2001 and 5205 tell of a person what 1101 tells: they count against the same per-minute rate. */
function countPersonQuery(s: HisServices, c: Caller): void {
  if (!s.personQueries.allow(c.institution.code, c.now)) {
    throw badRequest(
      'HIS_QUERY_RATE_LIMITED',
      '查询过于频繁，请稍后再试（人员查询次数超过本机构每分钟上限）',
    );
  }
}

export const TRANSACTION_TABLE: Record<Infno, Transaction> = {
  '9001': tx(
    inputs.signInInput,
    true,
    async (q, c, i) => {
      const { signNo } = await signIn(q, c, i);
      return { output: { signinoutb: { sign_time: wireDateTime(c.now), sign_no: signNo } } };
    },
    false,
  ),
  '9002': tx(inputs.signOutInput, true, async (q, c, i) => {
    await signOut(q, c, i);
    return { output: { signoutoutb: { sign_time: wireDateTime(c.now) } } };
  }),
  '1101': tx(inputs.personInfoInput, false, async (q, c, i, s) => ({
    output: await personInfo(q, c, i, beijingDate(c.now), s.personQueries),
  })),
  '2001': tx(inputs.entitlementInput, false, async (q, c, i, s) => {
    countPersonQuery(s, c);
    const rows = await entitlementCheck(q, i);
    return { output: { trtinfo: rows.map((e) => trtinfoRow(i.psnNo, i.insutype, e)) } };
  }),
  '2201': tx(inputs.registrationInput, true, async (q, c, i) => {
    const { mdtrtId } = await openVisit(q, c, i);
    return {
      output: { data: { mdtrt_id: mdtrtId, psn_no: i.psnNo, ipt_otp_no: i.hisVisitNo } },
      undo: { kind: 'visit', mdtrtId, psnNo: i.psnNo, inpatient: false },
    };
  }),
  '2202': tx(inputs.registrationCancelInput, true, async (q, c, i) => {
    await cancelVisit(q, c, i, false);
    return none;
  }),
  '2203': tx(inputs.visitInfoInput, true, async (q, c, i) => {
    await recordVisitInfo(q, c, i);
    return none;
  }),
  '2204': tx(inputs.outpatientFeesInput, true, async (q, c, i) =>
    feeOutput(await uploadFees(q, c, i, false), false),
  ),
  '2205': tx(inputs.outpatientFeesCancelInput, true, async (q, c, i) => {
    await cancelFees(q, c, i, false);
    return none;
  }),
  '2206': tx(inputs.outpatientSettleInput, false, async (q, c, i) =>
    settlementOutput(await preSettle(q, c, i, false)),
  ),
  '2207': tx(inputs.outpatientSettleInput, true, async (q, c, i) => {
    await refuseIfBlocked(q, i.mdtrtId, c.now);
    await refuseIfStaffBarred(q, c.institution.code, i.mdtrtId, beijingDate(c.now), {
      emergency: i.medType === '13',
    });
    return settlementOutput(await settleVisit(q, c, i, false), false);
  }),
  '2208': tx(inputs.reversalInput, true, async (q, c, i) =>
    settlementOutput(await reverseSettlement(q, c, i, false)),
  ),
  '2301': tx(inputs.inpatientFeesInput, true, async (q, c, i) =>
    feeOutput(await uploadFees(q, c, i, true), true),
  ),
  '2302': tx(inputs.inpatientFeesCancelInput, true, async (q, c, i) => {
    await cancelFees(q, c, i, true);
    return none;
  }),
  '2303': tx(inputs.inpatientSettleInput, false, async (q, c, i) =>
    settlementOutput(await preSettle(q, c, i, true)),
  ),
  '2304': tx(inputs.inpatientSettleInput, true, async (q, c, i) => {
    await refuseIfBlocked(q, i.mdtrtId, c.now);
    await refuseIfStaffBarred(q, c.institution.code, i.mdtrtId, beijingDate(c.now));
    return settlementOutput(await settleVisit(q, c, i, true), true);
  }),
  '2305': tx(inputs.reversalInput, true, async (q, c, i) =>
    settlementOutput(await reverseSettlement(q, c, i, true)),
  ),
  '2401': tx(inputs.admissionInput, true, async (q, c, i) => {
    const { mdtrtId } = await openVisit(q, c, i);
    return {
      output: { result: { mdtrt_id: mdtrtId } },
      undo: { kind: 'visit', mdtrtId, psnNo: i.psnNo, inpatient: true },
    };
  }),
  '2402': tx(inputs.dischargeInput, true, async (q, c, i) => {
    await discharge(q, c, i);
    return { output: {}, undo: { kind: 'discharge', mdtrtId: i.mdtrtId, psnNo: i.psnNo } };
  }),
  '2403': tx(inputs.admissionChangeInput, true, async (q, c, i) => {
    await changeAdmission(q, c, i);
    return none;
  }),
  '2404': tx(inputs.visitRefInput, true, async (q, c, i) => {
    await cancelVisit(q, c, i, true);
    return none;
  }),
  '2405': tx(inputs.visitRefInput, true, async (q, c, i) => {
    await cancelDischarge(q, c, i);
    return none;
  }),
  '2501': tx(inputs.referralInput, true, async (q, c, i) => {
    const { id } = await fileReferral(q, c, i);
    return { output: { result: { trt_dcla_detl_sn: String(id) } } };
  }),
  '2502': tx(inputs.filingCancelInput, true, async (q, c, i) => {
    await cancelReferral(q, c, i);
    return none;
  }),
  '2505': tx(inputs.designationInput, true, async (q, c, i) => {
    const { id } = await fileDesignation(q, c, i);
    return { output: { result: { trt_dcla_detl_sn: String(id) } } };
  }),
  '2506': tx(inputs.filingCancelInput, true, async (q, c, i) => {
    await cancelHisDesignation(q, c, i);
    return none;
  }),
  '3201': tx(inputs.reconciliationInput, false, async (q, c, i) => {
    const r = await reconcile(q, c, i);
    return {
      output: {
        stmtinfo: {
          setl_optins: r.clearingRegion,
          stmt_rslt: r.agrees ? '0' : '1',
          // said only when the figures differ: a HIS (Foshan's) takes any description for a refusal
          stmt_rslt_dscr: r.agrees ? null : r.description,
        },
      },
    };
  }),
  '2601': tx(inputs.correctionInput, true, async (q, c, i) => {
    await correct(q, c, i);
    return none;
  }),
  '3101': advisory(
    inputs.analysisInput,
    async (q, c, i, ahead) => analysisOutput(q, c, i, 'before', ahead),
    (i, now) => analysisFactsRead(factsAsk(analysisRequest(i, 'before', now))),
  ),
  '3102': advisory(
    inputs.analysisInput,
    async (q, c, i, ahead) => analysisOutput(q, c, i, 'during', ahead),
    (i, now) => analysisFactsRead(factsAsk(analysisRequest(i, 'during', now))),
  ),
  '3103': tx(inputs.decisionInput, true, async (q, c, i) => {
    await recordDecisions(q, c.institution.code, i.decisions, c.now);
    return none;
  }),
  '3202': tx(inputs.detailReconciliationInput, true, async (q, c, i) => {
    const r = await reconcileDetails(q, c, i);
    return {
      output: {
        fileinfo: r.fileinfo,
        stmtinfo: {
          stmt_rslt: r.differences === 0 ? '0' : '1',
          stmt_rslt_dscr:
            r.differences === 0
              ? `明细一致：共 ${r.ourLines} 条`
              : `明细不一致：机构 ${r.hisLines} 条，医保端 ${r.ourLines} 条，差异 ${r.differences} 条，见文件 ${r.fileinfo.filename}`,
        },
      },
    };
  }),
  '3301': tx(inputs.catalogueMappingInput, true, async (q, c, i) => {
    const r = await uploadMappings(q, c, i);
    return {
      output: {},
      warnings: r.unknown.length
        ? [
            `以下医疗目录编码不在医保目录中，已保存待核对：${r.unknown.slice(0, 20).join('、')}${r.unknown.length > 20 ? ` 等 ${r.unknown.length} 个` : ''}`,
          ]
        : [],
    };
  }),
  '3302': tx(inputs.mappingRevokeInput, true, async (q, c, i) => {
    await revokeMapping(q, c, i);
    return none;
  }),
  '3401': tx(inputs.departmentUploadInput, true, async (q, c, i) => {
    await uploadDepartments(q, c, i);
    return none;
  }),
  '3402': tx(inputs.departmentChangeInput, true, async (q, c, i) => {
    await changeDepartment(q, c, i);
    return none;
  }),
  '3403': tx(inputs.departmentRevokeInput, true, async (q, c, i) => {
    await revokeDepartment(q, c, i.code);
    return none;
  }),
  '5101': tx(inputs.departmentQueryInput, false, async (q, c, i) => ({
    output: { feedetail: (await departmentsOf(q, c, i)).map(departmentRow) },
  })),
  // 进销存, kept by supervision for its 进销存 checks
  '3501': stockReport(stockInputs.stockCountInput),
  '3502': stockReport(stockInputs.stockChangeInput),
  '3503': stockReport(stockInputs.stockPurchaseInput),
  '3504': stockReport(stockInputs.stockPurchaseReturnInput),
  '3505': stockReport(stockInputs.stockSaleInput),
  '3506': stockReport(stockInputs.stockSaleReturnInput),
  '3507': tx(stockInputs.stockDeleteInput, true, async (q, c, i) => {
    await deleteStockEvents(q, reporter(c), i.bchno, i.dataType);
    return stockDone;
  }),
  '4101': tx(inputs.settlementListInput, true, async (q, c, i) => {
    const r = await uploadSettlementList(q, c, i);
    const setlListId = String(r.id);
    return {
      // the id at the output's root, as HIS read it, and in data
      output: { setl_list_id: setlListId, data: { setl_list_id: setlListId } },
      warnings: r.replaced === null ? [] : [`已替换此前上传的结算清单 ${r.replaced}`],
    };
  }),
  '4102': tx(inputs.settlementListStatusInput, true, async (q, c, i) => {
    await setSettlementListStatus(q, c, i);
    return none;
  }),
  '4201': tx(selfPayInputs.selfPayLinesInput, true, async (q, c, lines) =>
    selfPayDone(await recordSelfPayLines(q, reporter(c), lines)),
  ),
  '4202': tx(selfPayInputs.selfPayStayInput, true, async (q, c, visit) =>
    selfPayDone(await recordSelfPayVisit(q, reporter(c), visit)),
  ),
  '4203': tx(selfPayInputs.selfPayCompleteInput, true, async (q, c, i) => {
    await completeSelfPay(q, reporter(c), i);
    return none;
  }),
  '4204': tx(selfPayInputs.selfPayDeleteInput, true, async (q, c, d) => {
    const { deleted } = await deleteSelfPayLines(q, reporter(c), d);
    return { output: {}, warnings: d.sn === null ? [`已删除该就诊的全部明细 ${deleted} 条`] : [] };
  }),
  '4207': tx(selfPayInputs.selfPayQueryInput, false, async (q, c, i) => {
    const r = await reportedSelfPayVisit(q, c.institution.code, i.mdtrtId);
    const v = selfPayContext(c, i.mdtrtId, r.reported);
    return { output: pageOf(r.lines, i, (l) => selfPayLineRow(l, v)) };
  }),
  '4209': tx(selfPayInputs.selfPayQueryInput, false, async (q, c, i) => {
    const r = await reportedSelfPayVisit(q, c.institution.code, i.mdtrtId);
    const v = selfPayContext(c, i.mdtrtId, r.reported);
    return { output: pageOf(r.diagnoses, i, (d, at) => selfPayDiagnosisRow(d, at + 1, v)) };
  }),
  '4205': tx(selfPayInputs.selfPayOutpatientInput, true, async (q, c, i) =>
    selfPayDone(await recordSelfPayVisit(q, reporter(c), i.visit, i.lines)),
  ),
  '4301': medicalRecord('4301'),
  '4302': medicalRecord('4302'),
  '4401': medicalRecord('4401'),
  '4402': medicalRecord('4402'),
  '4701': medicalRecord('4701'),
  '5201': tx(inputs.visitQueryInput, false, async (q, c, i) => ({
    output: { mdtrtinfo: (await personVisits(q, c, i)).map(mdtrtinfoRow) },
  })),
  '5202': tx(inputs.diagnosisQueryInput, false, async (q, c, i) => ({
    output: { diseinfo: diseinfoRows(await ownVisitRecord(q, c, i)) },
  })),
  '5203': tx(inputs.settlementQueryInput, false, async (q, c, i) => {
    const s = await findStoredSettlement(q, c, i);
    const out = settlementOutput(s);
    return {
      output: {
        ...out.output,
        setlinfo: {
          ...(out.output.setlinfo as object),
          medins_setl_id: s.msgid ?? '',
          mid_setl_flag: s.midStay ? '1' : '0',
          refd_setl_flag: s.kind === 'reversal' ? '1' : '0',
          // what a settlement's printout reads (a Foshan HIS): the span (an outpatient visit's
          // end is its begin), the main diagnosis, and the person's part under 5203's own names
          begndate: wireDateTime(s.visit.beginTime),
          enddate: wireDateTime(s.visit.endTime ?? s.visit.beginTime),
          dise_codg: s.visit.diagnoses[0]?.code ?? null,
          dise_name: s.visit.diagnoses[0]?.name ?? null,
          psn_pay: yuan(s.amounts.psn_part_amt),
          cash_payamt: yuan(s.amounts.psn_cash_pay),
        },
      },
    };
  }),
  '5204': tx(inputs.settlementQueryInput, false, async (q, c, i) => ({
    output: { feedetail: (await visitLines(q, c, i)).lines.map(feedetailRow) },
  })),
  // the person's lines at every institution, by design (a doctor checks before prescribing again)
  '5205': tx(inputs.chronicDrugQueryInput, false, async (q, c, i, s) => {
    countPersonQuery(s, c);
    return { output: { feedetail: (await chronicDrugs(q, i)).map(chronicDrugRow) } };
  }),
  // a national dictionary; a type Yibao lacks answers an empty list (a HIS syncing every type goes on)
  '1901': tx(inputs.dictionaryQueryInput, false, async (_q, _c, i) => {
    const entries = dictionary(i.type);
    return {
      output: { list: (entries ?? []).map(dictionaryRow) },
      warnings: entries ? [] : [`字典类型 ${i.type} 暂无数据，可查询：${DICTIONARY_TYPES.join('、')}`],
    };
  }),
  // the catalogue page by page: a HIS synchronises its copy, by updt_time since its last sync
  '1312': tx(inputs.catalogueQueryInput, false, (q, c, i) => cataloguePage(q, c, i, catalogueRow)),
  // each catalogue item matched to itself: Yibao's catalogue is coded in the national codes
  '1316': tx(inputs.catalogueMatchQueryInput, false, (q, c, i) => cataloguePage(q, c, i, catalogueMatchRow)),
  // the institution's own 目录对照 (3301), live and ended: a HIS checks what the platform holds
  '1317': tx(inputs.mappingQueryInput, false, async (q, c, i) => {
    const page = await hisMappingPage(q, c.institution.code, i, pageWindow(i.page, i.pageSize));
    return {
      output: {
        ...pageFields(i.page, i.pageSize, page.total, page.rows.length),
        data: page.rows.map((m) => mappingRow(m, c.institution.code, c.institution.admdvs)),
      },
    };
  }),
  // the items with a price cap
  '1318': tx(inputs.priceCapQueryInput, false, (q, c, i) =>
    cataloguePage(q, c, { ...i, capped: true }, (item, admdvs) =>
      priceCapRow({ ...item, priceCapFen: item.priceCapFen! }, admdvs),
    ),
  ),
  // class-B items' first self-paid share, for each insurance type with a policy in force in the
  // region (selfpay_prop_psn_type narrows to one): the item's own share, else the policy's
  '1319': tx(inputs.firstShareQueryInput, false, async (q, c, i) => {
    const { insuAdmdvs, insutype, ...filter } = i;
    const today = beijingDate(c.now);
    const admdvs = insuAdmdvs ?? c.institution.admdvs;
    const shares = (await classBSharesInForce(q, admdvs, filter.onDate ?? today)).filter(
      (s) => insutype === null || s.insutype === insutype,
    );
    const page = await hisFirstShares(q, { ...filter, today }, shares);
    return {
      output: {
        ...pageFields(i.page, i.pageSize, page.total, page.rows.length),
        data: page.rows.map((r) => firstShareRow(r.item, r.share.insutype, r.bp, admdvs)),
      },
    };
  }),
  // institutions by code, name or type: a HIS looks up where it refers a patient (2501)
  '1201': tx(inputs.institutionQueryInput, false, async (q, _c, i) => {
    const found = await hisInstitutions(q, i, INSTITUTIONS_MAX + 1);
    return {
      output: { medinsinfo: found.slice(0, INSTITUTIONS_MAX).map(institutionRow) },
      warnings:
        found.length > INSTITUTIONS_MAX
          ? [
              `符合条件的机构超过 ${INSTITUTIONS_MAX} 家，仅返回前 ${INSTITUTIONS_MAX} 家，请按名称或编号缩小范围`,
            ]
          : [],
    };
  }),
  // which diseases the person may be settled under as 门诊慢特病 (med_type 14), at any institution
  '5301': tx(inputs.qualificationQueryInput, false, async (q, c, i, s) => {
    countPersonQuery(s, c);
    const rows = await qualifications(q, { psnNo: i.psnNo, onDate: beijingDate(c.now) });
    return { output: { feedetail: rows.map(qualificationRow) } };
  }),
  // the person's designated institutions (2505, by any institution), of one business or all
  '5302': tx(inputs.designationQueryInput, false, async (q, c, i, s) => {
    countPersonQuery(s, c);
    const rows = await designationsInForce(q, { ...i, today: beijingDate(c.now) });
    return { output: { psnfixmedin: rows.map(designationRow) } };
  }),
  // a person's stays in hospital now, at any institution (a HIS checks before admitting)
  '5303': tx(inputs.inHospitalQueryInput, false, async (q, c, i, s) => {
    countPersonQuery(s, c);
    const rows = await inHospital(q, { psnNo: i.psnNo, from: i.from?.iso ?? null, to: i.to?.iso ?? null });
    const today = beijingDate(c.now);
    return { output: { data: rows.map((r) => inHospitalRow(r, today)) } };
  }),
  // a person's live referral filings (2501, or the counter's), e.g. at the hospital referred to
  '5304': tx(inputs.referralQueryInput, false, async (q, c, i, s) => {
    countPersonQuery(s, c);
    const rows = await referrals(q, { psnNo: i.psnNo, from: i.from?.date ?? null, to: i.to?.date ?? null });
    return { output: { refmedin: rows.map(referralRow) } };
  }),
  // the institution's own registered staff; two public HIS read the list from two nodes (feedetail,
  // data): both carry it
  '5102': tx(inputs.staffQueryInput, false, async (q, c, i) => {
    const staff = await staffOfInstitution(q, {
      fixmedinsCode: c.institution.code,
      kind: i.kind,
      name: i.name,
      code: i.code,
    });
    const today = beijingDate(c.now);
    const rows = staff.map((r) => staffRow(r, today));
    return { output: { feedetail: rows, data: rows } };
  }),
  '5206': tx(inputs.cumulativeInput, false, async (q, c, i) => {
    const year = i.year ?? Number(beijingDate(c.now).slice(0, 4));
    const figures = await personYear(q, i.psnNo, year);
    return { output: { cuminfo: figures.flatMap((f) => cuminfo(f, i.month)) } };
  }),
  '9101': tx(inputs.fileUploadInput, true, async (q, c, i) => {
    const info = await uploadFile(q, c, i);
    // clients read the three fields at the output's top level or under data: both are there
    return { output: { ...info, data: info } };
  }),
  '9102': tx(inputs.fileDownloadInput, false, async (q, c, i) => {
    const f = await downloadFile(q, c, i);
    return { output: {}, file: { filename: f.filename, content: f.content } };
  }),
};
