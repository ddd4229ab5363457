// Every write route refuses a bad request with its coded error and writes nothing (ARCHITECTURE.md:
// "Every write route has a refusal test asserting the code and an unchanged database snapshot").
// The routes are read from the assembled app and must be exactly the ones listed here (refused or
// excluded with a reason): a write route added later fails this test until its refusal is added.
import assert from 'node:assert/strict';
import type { App } from '../src/api/context.ts';
import { loginAs, TEST_PASSWORD } from '../src/api/testing.ts';
import { dbTest } from '../src/db/testing.ts';
import type { Queryable } from '../src/db/types.ts';
import { insured, loginPerson, selfApp } from '../src/modules/selfservice/testing.ts';

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Who sends the request: a staff member of the role, the logged-in insured person, or nobody. */
type Sender = 'admin' | 'auditor' | 'leader' | 'person' | 'anonymous';

interface Refusal {
  /** the concrete URL sent (the route's pattern is the key of the table) */
  url: string;
  as: Sender;
  /** JSON body; undefined sends none */
  body?: unknown;
  /** a file sent as multipart/form-data (field "file") instead of a JSON body */
  file?: { name: string; type: string; bytes: Buffer };
  status: number;
  code: string;
}

// well-formed identifiers that name nothing in the test county
const NO_ID = 999999;
const NO_PSN = '4109269999999999';
const NO_INSTITUTION = 'H99999999999';
/** 东街村 of the test county (modules/registry test fixtures) */
const VILLAGE = '410926101001';
/** a text file where a workbook (or a photo) is expected */
const NOT_A_WORKBOOK = { name: 'notes.xlsx', type: 'text/plain', bytes: Buffer.from('这不是工作簿\n') };

function multipart(file: NonNullable<Refusal['file']>) {
  const boundary = '----yibao-refusal';
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

/** Routes that are not checked here, each with its reason. */
const EXCLUDED: Record<string, string> = {
  'POST /api/auth/login': 'staff login: writes the session (and failed attempts) by design, no business data',
  'POST /api/auth/logout': 'staff logout: ends the session, no business data',
  'POST /api/m/auth/code': 'self-service login step 1: writes the one-time code and the throttle by design',
  'POST /api/m/auth/verify': 'self-service login step 2: counts tries and writes the session by design',
  'POST /api/m/auth/logout': 'self-service logout: ends the person session, no business data',
  'POST /fsi/api/rsfComIfsService/callService':
    'the HIS endpoint: its own envelope (infcode/err_msg) and signature, refused in modules/his/his-bad-inputs.test.ts and the gateway tests',
  'POST /fsi/api/rsfComIfsService/callService/:infno':
    'the same HIS endpoint with the transaction in the path: its refusals in modules/his/his-gateway.test.ts',
};

/** The refusal each write route gives, keyed by "METHOD pattern". */
const REFUSALS: Record<string, Refusal> = {
  'POST /api/accounts': {
    url: '/api/accounts',
    as: 'admin',
    body: { username: 'agent_without_village', displayName: '代办员', roles: ['agent'] },
    status: 400,
    code: 'AGENT_NEEDS_VILLAGE',
  },
  'POST /api/accounts/me/password': {
    url: '/api/accounts/me/password',
    as: 'admin',
    // the right old password: a wrong one counts against the login throttle by design
    body: { oldPassword: TEST_PASSWORD, newPassword: 'short' },
    status: 400,
    code: 'PASSWORD_TOO_SHORT',
  },
  'POST /api/accounts/:id/reset-password': {
    url: `/api/accounts/${NO_ID}/reset-password`,
    as: 'admin',
    body: { password: 'another-password-1' },
    status: 404,
    code: 'ACCOUNT_NOT_FOUND',
  },
  'POST /api/accounts/:id/disable': {
    url: `/api/accounts/${NO_ID}/disable`,
    as: 'admin',
    status: 404,
    code: 'ACCOUNT_NOT_FOUND',
  },
  'POST /api/accounts/:id/enable': {
    url: `/api/accounts/${NO_ID}/enable`,
    as: 'admin',
    status: 404,
    code: 'ACCOUNT_NOT_FOUND',
  },
  'POST /api/accounts/:id/revoke-sessions': {
    url: `/api/accounts/${NO_ID}/revoke-sessions`,
    as: 'admin',
    status: 404,
    code: 'ACCOUNT_NOT_FOUND',
  },
  'PUT /api/accounts/permissions/:role/:permission': {
    url: '/api/accounts/permissions/admin/no.such',
    as: 'admin',
    body: { granted: true },
    status: 400,
    code: 'PERMISSION_UNKNOWN',
  },
  'POST /api/import/:kind': {
    url: '/api/import/persons',
    as: 'admin',
    body: {},
    status: 400,
    code: 'IMPORT_NO_FILE',
  },
  'POST /api/policies': { url: '/api/policies', as: 'admin', body: {}, status: 400, code: 'POLICY_INVALID' },
  'POST /api/settlement/filings': {
    url: '/api/settlement/filings',
    as: 'admin',
    body: { psnNo: NO_PSN, type: 'referral', destination: '410100', beginDate: '2026-12-01' },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/settlement/filings/:id/cancel': {
    url: '/api/settlement/filings/999999/cancel',
    as: 'admin',
    body: { reason: '重复登记' },
    status: 404,
    code: 'FILING_NOT_FOUND',
  },
  'POST /api/settlement/designations/:id/cancel': {
    url: '/api/settlement/designations/999999/cancel',
    as: 'admin',
    body: { reason: '重复登记' },
    status: 404,
    code: 'DESIGNATION_NOT_FOUND',
  },
  'POST /api/settlement/disease-qualifications/:id/end': {
    url: '/api/settlement/disease-qualifications/999999/end',
    as: 'admin',
    body: { validTo: '2026-12-31', reason: '已治愈' },
    status: 404,
    code: 'QUALIFICATION_NOT_FOUND',
  },
  'POST /api/settlement/visits/:mdtrtId/preview': {
    url: '/api/settlement/visits/NO-VISIT/preview',
    as: 'admin',
    body: { psnNo: NO_PSN, insutype: '390', totalFen: 10000 },
    status: 404,
    code: 'SETTLEMENT_VISIT_NOT_FOUND',
  },
  'POST /api/settlement/visits/:mdtrtId/settle': {
    url: '/api/settlement/visits/NO-VISIT/settle',
    as: 'admin',
    body: { psnNo: NO_PSN, insutype: '390', totalFen: 10000 },
    status: 404,
    code: 'SETTLEMENT_VISIT_NOT_FOUND',
  },
  'POST /api/settlement/settlements/:setlId/reverse': {
    url: '/api/settlement/settlements/NO-SETTLEMENT/reverse',
    as: 'admin',
    body: { mdtrtId: 'NO-VISIT', psnNo: NO_PSN, reason: '录入错误' },
    status: 404,
    code: 'SETTLEMENT_VISIT_NOT_FOUND',
  },
  'POST /api/settlement/disease-qualifications': {
    url: '/api/settlement/disease-qualifications',
    as: 'admin',
    body: {
      psnNo: NO_PSN,
      diseaseCode: 'M00100',
      institutionCodes: [NO_INSTITUTION],
      validFrom: '2026-12-01',
    },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/his/credentials/:code/issue': {
    url: `/api/his/credentials/${NO_INSTITUTION}/issue`,
    as: 'admin',
    status: 404,
    code: 'INSTITUTION_NOT_FOUND',
  },
  'POST /api/his/credentials/:code/rotate': {
    url: `/api/his/credentials/${NO_INSTITUTION}/rotate`,
    as: 'admin',
    status: 404,
    code: 'INSTITUTION_NOT_FOUND',
  },
  'POST /api/his/credentials/:code/revoke': {
    url: `/api/his/credentials/${NO_INSTITUTION}/revoke`,
    as: 'admin',
    status: 404,
    code: 'INSTITUTION_NOT_FOUND',
  },
  'POST /api/registry/persons': {
    url: '/api/registry/persons',
    as: 'admin',
    // the check digit should be 9
    body: { certno: '410926199001011234', name: '张三', villageCode: VILLAGE },
    status: 400,
    code: 'ID_CHECK_DIGIT',
  },
  'PATCH /api/registry/persons/:psnNo': {
    url: `/api/registry/persons/${NO_PSN}`,
    as: 'admin',
    body: { name: '李四' },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/registry/persons/:psnNo/reveal': {
    url: `/api/registry/persons/${NO_PSN}/reveal`,
    as: 'admin',
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/registry/persons/:psnNo/status': {
    url: `/api/registry/persons/${NO_PSN}/status`,
    as: 'admin',
    body: { status: 'deceased', effectiveDate: '2026-11-30', source: '民政' },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/registry/persons/:psnNo/identities': {
    url: `/api/registry/persons/${NO_PSN}/identities`,
    as: 'admin',
    body: { identityCode: '低保', sourceDept: '民政', validFrom: '2026-01-01' },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/registry/identities/:id/end': {
    url: `/api/registry/identities/${NO_ID}/end`,
    as: 'admin',
    body: { validTo: '2026-12-31', reason: '到期' },
    status: 404,
    code: 'IDENTITY_NOT_FOUND',
  },
  'POST /api/registry/households': {
    url: '/api/registry/households',
    as: 'admin',
    body: { villageCode: VILLAGE, headPsnNo: NO_PSN },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'POST /api/registry/households/:householdNo/members': {
    url: '/api/registry/households/NO-HOUSEHOLD/members',
    as: 'admin',
    body: { psnNo: NO_PSN, relation: '子女', fromDate: '2026-12-01' },
    status: 404,
    code: 'HOUSEHOLD_NOT_FOUND',
  },
  'POST /api/registry/households/:householdNo/enrollments': {
    url: '/api/registry/households/NO-HOUSEHOLD/enrollments',
    as: 'admin',
    body: { year: 2027, members: [{ psnNo: NO_PSN, personalFen: 40000, fiscalFen: 0, assistedFen: 0 }] },
    status: 404,
    code: 'HOUSEHOLD_NOT_FOUND',
  },
  'POST /api/registry/enrollments': {
    url: '/api/registry/enrollments',
    as: 'admin',
    body: {
      psnNo: NO_PSN,
      insutype: '390',
      beginDate: '2027-01-01',
      personalFen: 40000,
      fiscalFen: 0,
      assistedFen: 0,
    },
    status: 404,
    code: 'PERSON_NOT_FOUND',
  },
  'PUT /api/registry/enrollments/:id': {
    url: `/api/registry/enrollments/${NO_ID}`,
    as: 'admin',
    body: {
      psnNo: NO_PSN,
      insutype: '390',
      beginDate: '2027-01-01',
      personalFen: 40000,
      fiscalFen: 0,
      assistedFen: 0,
    },
    status: 404,
    code: 'ENROLLMENT_NOT_FOUND',
  },
  'POST /api/registry/enrollments/:id/stop': {
    url: `/api/registry/enrollments/${NO_ID}/stop`,
    as: 'admin',
    body: { stoppedOn: '2026-12-31', reason: '死亡' },
    status: 404,
    code: 'ENROLLMENT_NOT_FOUND',
  },
  'PUT /api/registry/targets/:townshipCode/:year': {
    url: '/api/registry/targets/410926999/2026',
    as: 'admin',
    body: { target: 100 },
    status: 404,
    code: 'TOWNSHIP_NOT_FOUND',
  },
  'PATCH /api/registry/identity-types/:code': {
    url: '/api/registry/identity-types/NOPE',
    as: 'admin',
    body: { sensitive: true },
    status: 404,
    code: 'IDENTITY_TYPE_UNKNOWN',
  },
  'POST /api/registry/regions': {
    url: '/api/registry/regions',
    as: 'admin',
    body: { admdvs: '410999', name: '新区', parent: '419900' },
    status: 400,
    code: 'REGION_PARENT_NOT_FOUND',
  },
  'PUT /api/registry/regions/:admdvs': {
    url: '/api/registry/regions/999999',
    as: 'admin',
    body: { name: '无此区划' },
    status: 404,
    code: 'REGION_NOT_FOUND',
  },
  'POST /api/registry/institutions': {
    url: '/api/registry/institutions',
    as: 'admin',
    body: {
      code: NO_INSTITUTION,
      admdvs: '410926',
      name: '无等级医院',
      kind: 'hospital',
      agreementFrom: '2026-01-01',
      agreementTo: '2026-12-31',
    },
    status: 400,
    code: 'INSTITUTION_LEVEL_REQUIRED',
  },
  'PUT /api/registry/institutions/:code': {
    url: `/api/registry/institutions/${NO_INSTITUTION}`,
    as: 'admin',
    body: {
      admdvs: '410926',
      name: '无此机构',
      kind: 'hospital',
      agreementFrom: '2026-01-01',
      agreementTo: '2026-12-31',
    },
    status: 404,
    code: 'INSTITUTION_NOT_FOUND',
  },
  'POST /api/registry/catalogue': {
    url: '/api/registry/catalogue',
    as: 'admin',
    body: {
      code: 'X001',
      name: '无此项目',
      kind: 'service',
      chrgitmLv: '01',
      validFrom: '2026-12-31',
      validTo: '2026-01-01',
    },
    status: 400,
    code: 'PERIOD_INVALID',
  },
  'PUT /api/registry/catalogue/:id': {
    url: `/api/registry/catalogue/${NO_ID}`,
    as: 'admin',
    body: { code: 'X001', name: '无此项目', kind: 'service', chrgitmLv: '01', validFrom: '2026-01-01' },
    status: 404,
    code: 'CATALOGUE_NOT_FOUND',
  },
  'PUT /api/calendar/years/:year': {
    url: '/api/calendar/years/2026',
    as: 'admin',
    body: { days: [{ day: '2027-01-01', kind: 'holiday', name: '元旦' }], reason: '国务院通知' },
    status: 400,
    code: 'CALENDAR_DAY_OTHER_YEAR',
  },
  'PUT /api/calendar/days/:day': {
    url: '/api/calendar/days/2026-12-03',
    as: 'admin',
    body: { kind: 'workday', name: '调休', reason: '调整' },
    status: 400,
    code: 'CALENDAR_WORKDAY_NOT_WEEKEND',
  },
  'PUT /api/collection/windows/:year': {
    url: '/api/collection/windows/2027',
    as: 'admin',
    body: { opensOn: '2027-12-31', closesOn: '2027-01-01' },
    status: 400,
    code: 'COLLECTION_WINDOW_ORDER',
  },
  'POST /api/collection/targets/:year': {
    url: '/api/collection/targets/2027',
    as: 'admin',
    file: NOT_A_WORKBOOK,
    status: 400,
    code: 'TARGET_FILE_UNREADABLE',
  },
  'POST /api/supervision/runs': {
    url: '/api/supervision/runs',
    as: 'admin',
    body: { from: '2026-12-01', to: '2026-11-01' },
    status: 400,
    code: 'SUPERVISION_RANGE_INVALID',
  },
  'POST /api/supervision/runs/:id/suspects': {
    url: `/api/supervision/runs/${NO_ID}/suspects`,
    as: 'auditor',
    body: {},
    status: 404,
    code: 'SUPERVISION_RUN_NOT_FOUND',
  },
  'POST /api/supervision/runs/:id/resume': {
    url: `/api/supervision/runs/${NO_ID}/resume`,
    as: 'admin',
    status: 404,
    code: 'SUPERVISION_RUN_NOT_FOUND',
  },
  'POST /api/supervision/suspects/bulk': {
    url: '/api/supervision/suspects/bulk',
    as: 'admin',
    body: { action: 'confirm', ids: [NO_ID] },
    status: 404,
    code: 'SUSPECT_NOT_FOUND',
  },
  'POST /api/supervision/suspects/:id/actions': {
    url: `/api/supervision/suspects/${NO_ID}/actions`,
    as: 'admin',
    body: { action: 'confirm' },
    status: 404,
    code: 'SUSPECT_NOT_FOUND',
  },
  'POST /api/supervision/samples': {
    url: '/api/supervision/samples',
    as: 'auditor',
    body: { period: '2026-11', institutions: [NO_INSTITUTION] },
    status: 400,
    code: 'SAMPLE_INSTITUTION_UNKNOWN',
  },
  'POST /api/supervision/sample-records/:id/review': {
    url: `/api/supervision/sample-records/${NO_ID}/review`,
    as: 'auditor',
    body: { result: 'ok' },
    status: 404,
    code: 'SAMPLE_RECORD_NOT_FOUND',
  },
  'POST /api/supervision/stock/import': {
    url: '/api/supervision/stock/import?batch=2026-11',
    as: 'admin',
    file: NOT_A_WORKBOOK,
    status: 400,
    code: 'SUPERVISION_FILE_UNREADABLE',
  },
  'POST /api/supervision/knowledge/import': {
    url: '/api/supervision/knowledge/import',
    as: 'admin',
    file: NOT_A_WORKBOOK,
    status: 400,
    code: 'SUPERVISION_FILE_UNREADABLE',
  },
  'POST /api/supervision/knowledge/:id/end': {
    url: `/api/supervision/knowledge/${NO_ID}/end`,
    as: 'admin',
    body: { validTo: '2026-12-31', reason: '作废' },
    status: 404,
    code: 'SUPERVISION_KNOWLEDGE_NOT_FOUND',
  },
  'PUT /api/supervision/rules/:code': {
    url: '/api/supervision/rules/NO_RULE',
    as: 'admin',
    body: { enabled: true, severity: 1, reason: '调整' },
    status: 404,
    code: 'SUPERVISION_RULE_NOT_FOUND',
  },
  'POST /api/rating/invitations': {
    url: '/api/rating/invitations',
    as: 'admin',
    body: { receiptNo: 'NO-RECEIPT' },
    status: 404,
    code: 'RATING_MATTER_NOT_COMPLETED',
  },
  'POST /api/rating/tablet/:token': {
    url: '/api/rating/tablet/no-such-token-no-such-token',
    as: 'anonymous',
    body: { overall: 5 },
    status: 404,
    code: 'RATING_INVITE_INVALID',
  },
  'POST /api/rating/rectifications/:id/actions': {
    url: `/api/rating/rectifications/${NO_ID}/actions`,
    as: 'admin',
    body: { action: 'callback' },
    status: 404,
    code: 'RATING_RECTIFICATION_NOT_FOUND',
  },
  'PUT /api/rating/settings': {
    url: '/api/rating/settings',
    as: 'admin',
    body: { rectifyDays: -1 },
    status: 400,
    code: 'RATING_DAYS_INVALID',
  },
  'POST /api/casework/cases': {
    url: '/api/casework/cases',
    as: 'auditor',
    body: {
      source: 'suspect',
      suspectIds: [NO_ID],
      fixmedinsCode: NO_INSTITUTION,
      violationType: '重复收费',
      article: '38',
    },
    status: 400,
    code: 'CASE_INSTITUTION_UNKNOWN',
  },
  'POST /api/casework/cases/:id/actions': {
    url: `/api/casework/cases/${NO_ID}/actions`,
    as: 'admin',
    body: { action: 'submit' },
    status: 404,
    code: 'CASE_NOT_FOUND',
  },
  'POST /api/casework/cases/:id/outcomes': {
    url: `/api/casework/cases/${NO_ID}/outcomes`,
    as: 'leader',
    body: { kind: 'interview' },
    status: 404,
    code: 'CASE_NOT_FOUND',
  },
  'POST /api/casework/cases/:id/points': {
    url: `/api/casework/cases/${NO_ID}/points`,
    as: 'leader',
    body: { staffId: NO_ID, band: 'agreement', points: 1 },
    status: 404,
    code: 'CASE_NOT_FOUND',
  },
  'POST /api/matter/matters': {
    url: '/api/matter/matters',
    as: 'admin',
    body: { typeCode: 'ZZ999', applicantName: '张三' },
    status: 404,
    code: 'MATTER_TYPE_NOT_FOUND',
  },
  'POST /api/matter/matters/:id/actions': {
    url: `/api/matter/matters/${NO_ID}/actions`,
    as: 'admin',
    body: { action: 'withdraw' },
    status: 404,
    code: 'MATTER_NOT_FOUND',
  },
  'PUT /api/matter/types/:code': {
    url: '/api/matter/types/ZZ999',
    as: 'admin',
    body: {
      definition: {
        code: 'ZZ998',
        mainName: '测试',
        name: '测试',
        materials: [],
        limit: { kind: 'immediate' },
        acceptLevels: ['county'],
        completeLevels: ['county'],
        secondPost: false,
        proxyAllowed: false,
      },
      reason: '测试',
    },
    status: 400,
    code: 'MATTER_TYPE_CODE_MISMATCH',
  },
  'POST /api/medstaff/staff': {
    url: '/api/medstaff/staff',
    as: 'admin',
    body: { fixmedinsCode: NO_INSTITUTION, staffCode: 'D000001', name: '张三', kind: 'doctor' },
    status: 400,
    code: 'MEDSTAFF_INSTITUTION_UNKNOWN',
  },
  'POST /api/medstaff/import': {
    url: '/api/medstaff/import',
    as: 'admin',
    body: { fileName: 'staff.csv', content: '这不是表格' },
    status: 400,
    code: 'MEDSTAFF_IMPORT_UNREADABLE',
  },
  'POST /api/ticket/tickets': {
    url: '/api/ticket/tickets',
    as: 'admin',
    body: {
      platformNo: '12345-0001',
      receivedOn: '2026-12-31',
      category: 'consult',
      title: '咨询',
      content: '咨询参保缴费',
    },
    status: 400,
    code: 'TICKET_RECEIVED_FUTURE',
  },
  'POST /api/ticket/import': {
    url: '/api/ticket/import',
    as: 'admin',
    body: { fileName: 'tickets.csv', content: '这不是表格' },
    status: 400,
    code: 'TICKET_IMPORT_INVALID',
  },
  'POST /api/ticket/tickets/:id/actions': {
    url: `/api/ticket/tickets/${NO_ID}/actions`,
    as: 'admin',
    body: { action: 'sign' },
    status: 404,
    code: 'TICKET_NOT_FOUND',
  },
  'PUT /api/ticket/limits/:category': {
    url: '/api/ticket/limits/consult',
    as: 'admin',
    body: { signDays: -1, urgentSignHours: -1, finishDays: -1 },
    status: 400,
    code: 'TICKET_LIMIT_INVALID',
  },
  'POST /api/m/uploads': {
    url: '/api/m/uploads?material=身份证',
    as: 'person',
    file: NOT_A_WORKBOOK,
    status: 400,
    code: 'SELFSERVICE_UPLOAD_TYPE',
  },
  'POST /api/m/matters': {
    url: '/api/m/matters',
    as: 'person',
    body: { typeCode: 'ZZ999' },
    status: 400,
    code: 'SELFSERVICE_MATTER_NOT_ONLINE',
  },
  'POST /api/m/matters/:id/rating': {
    url: `/api/m/matters/${NO_ID}/rating`,
    as: 'person',
    body: { overall: 5 },
    status: 404,
    code: 'SELFSERVICE_MATTER_NOT_FOUND',
  },
};

/** The write routes of the assembled app, read from Fastify's printed route tree. */
function writeRoutes(app: App): string[] {
  const out: string[] = [];
  for (const method of WRITE_METHODS) {
    const path: string[] = [];
    for (const line of app.printRoutes({ commonPrefix: false, method }).split('\n')) {
      const m = /^((?:│ {3}| {4})*)[├└]── (.+?)(?: \(([^)]*)\))?$/.exec(line);
      if (!m) continue;
      path.length = m[1].length / 4;
      path.push(m[2]);
      if (m[3]?.split(', ').includes(method)) out.push(`${method} ${path.join('')}`);
    }
  }
  return out.sort();
}

type Snapshot = Map<string, string>;

/**
 * Every table of the database, with its row count and a hash of its rows, in one query. Nothing is
 * left out: the refusals here are 400 and 404, and the audit records only 403 refusals
 * (src/api/auth.ts), so the audit trail must stay unchanged too; the logins happen before the first
 * snapshot.
 */
async function snapshotter(q: Queryable): Promise<() => Promise<Snapshot>> {
  const tables = await q.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  assert.ok(tables.length > 50, `the snapshot sees the tables (${tables.length})`);
  const sql = tables
    .map(
      ({ name }) =>
        `SELECT '${name}' AS name, count(*)::int || ':' || md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS state FROM "${name}" t`,
    )
    .join(' UNION ALL ');
  return async () =>
    new Map((await q.query<{ name: string; state: string }>(sql)).map((r) => [r.name, r.state]));
}

/** The tables whose rows differ between two snapshots. */
function changedTables(before: Snapshot, after: Snapshot): string[] {
  return [...after].filter(([name, state]) => before.get(name) !== state).map(([name]) => name);
}

function hasCjk(s: unknown): boolean {
  return typeof s === 'string' && /\p{Script=Han}/u.test(s);
}

dbTest('every write route refuses a bad request with its code and writes nothing', async (db, t) => {
  const { app } = await selfApp(db, true);
  try {
    assert.deepEqual(
      writeRoutes(app),
      [...Object.keys(REFUSALS), ...Object.keys(EXCLUDED)].sort(),
      'the write routes are exactly those refused or excluded here',
    );
    const person = await insured(db);
    const cookies: Record<Sender, string | undefined> = {
      admin: await loginAs(app, db, 'admin'),
      auditor: await loginAs(app, db, 'auditor'),
      leader: await loginAs(app, db, 'leader'),
      person: (await loginPerson(app, person)).cookie,
      anonymous: undefined,
    };
    const snapshot = await snapshotter(db);
    let before = await snapshot();
    for (const [route, r] of Object.entries(REFUSALS)) {
      await t.test(route, async () => {
        const method = route.split(' ')[0] as (typeof WRITE_METHODS)[number];
        const cookie = cookies[r.as];
        const form = r.file ? multipart(r.file) : undefined;
        const res = await app.inject({
          method,
          url: encodeURI(r.url),
          headers: { ...(cookie ? { cookie } : {}), ...(form ? { 'content-type': form.contentType } : {}) },
          ...(form ? { payload: form.payload } : r.body === undefined ? {} : { payload: r.body as object }),
        });
        const after = await snapshot();
        const changed = changedTables(before, after);
        before = after;
        const error = (res.json() as { error?: { code?: unknown; message?: unknown } }).error;
        assert.deepEqual(
          { status: res.statusCode, code: error?.code, chineseMessage: hasCjk(error?.message), changed },
          { status: r.status, code: r.code, chineseMessage: true, changed: [] },
          res.body,
        );
      });
    }

    // the control: an accepted write shows in the snapshot, so an unchanged one means nothing was written
    const accepted = await app.inject({
      method: 'PUT',
      url: '/api/rating/settings',
      headers: { cookie: cookies.admin },
      payload: { rectifyDays: 7 },
    });
    assert.equal(accepted.statusCode, 200, accepted.body);
    assert.deepEqual(
      changedTables(before, await snapshot()),
      ['audit_chain_head', 'audit_entry', 'rating_setting'],
      'the snapshot sees an accepted write',
    );
  } finally {
    await app.close();
  }
});

dbTest(
  'an upload route sent JSON instead of a file is refused in words, not with the parser’s English',
  async (db) => {
    const { app } = await selfApp(db, false);
    const cookie = await loginAs(app, db, 'admin');
    const r = await app.inject({
      method: 'POST',
      url: '/api/supervision/knowledge/import',
      headers: { cookie },
      payload: { rows: [] },
    });
    assert.equal(r.statusCode, 415);
    assert.equal(r.json().error.code, 'UPLOAD_EXPECTED');
    assert.ok(hasCjk(r.json().error.message));
  },
);
