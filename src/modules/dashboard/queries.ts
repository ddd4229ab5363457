// The dashboard's reads, each one explicit SQL statement scoped to the staff member's region
// (admdvs null = every region, for accounts not tied to one). Dates come in from the caller
// (the server's clock in China time), never from the database's own clock.
import type { Queryable } from '../../db/types.ts';
import type { FigurePerson } from './contract.ts';
import { type Figure, type GroupCounts, coverage } from '../../domain/dashboard/special-groups.ts';
import { coveredPersonsSql } from '../enrollment/index.ts';
import { monthStart, type SummaryRow, summarise } from '../../domain/dashboard/settlement-summary.ts';

/** Month-to-date settlements up to `date`, bucketed by today / earlier, scheme and care type. */
export async function settlementSummary(q: Queryable, admdvs: string | null, date: string) {
  const rows = await q.query<SummaryRow>(
    `SELECT s.setl_date = $2::date AS "isToday", s.insutype, s.med_type AS "medType",
            count(*) FILTER (WHERE s.kind = 'settlement')::int AS settlements,
            count(*) FILTER (WHERE s.kind = 'reversal')::int AS reversals,
            sum(s.medfee_sumamt)::bigint AS "medfeeFen",
            sum(s.fund_pay_sumamt)::bigint AS "fundFen",
            sum(s.hifp_pay)::bigint AS "basicFen",
            sum(s.hifmi_pay + s.hifob_pay)::bigint AS "criticalFen",
            sum(s.maf_pay)::bigint AS "assistanceFen",
            sum(s.oth_pay)::bigint AS "otherFen",
            sum(s.acct_pay)::bigint AS "accountFen",
            sum(s.psn_cash_pay)::bigint AS "cashFen"
       FROM settlement s
      WHERE s.setl_date BETWEEN $1::date AND $2::date
        AND ($3::text IS NULL OR s.admdvs = $3::text)
      GROUP BY 1, 2, 3`,
    [monthStart(date), date, admdvs],
  );
  return summarise(rows, date);
}

/**
 * The facts the special-group figures and their drill-downs are counted from, for coverage year $1,
 * region $2 (null = all) and $3 = whether sensitive identity types are shown. One row per
 * (identity, person): holders are persons with a spell of the identity overlapping the year;
 * enrolled and 资助参保 follow coveredPersonsSql (the registry's one definition); a subsidy names its
 * identity, so a person subsidised under an identity no longer held still counts under it.
 */
const FACTS = `
  covered AS (${coveredPersonsSql('$1::int')}),
  scoped AS (
    SELECT p.psn_no, v.township_code
      FROM person p JOIN village v ON v.code = p.village_code JOIN township t ON t.code = v.township_code
     WHERE $2::text IS NULL OR t.admdvs = $2::text),
  held AS (
    SELECT DISTINCT i.psn_no, i.identity_code AS code
      FROM person_identity i JOIN scoped s ON s.psn_no = i.psn_no
     WHERE i.valid_from <= make_date($1::int, 12, 31) AND (i.valid_to IS NULL OR i.valid_to >= make_date($1::int, 1, 1))
       AND ($3::boolean OR i.identity_code NOT IN (SELECT code FROM identity_type WHERE sensitive))),
  facts AS (
    SELECT h.code, h.psn_no, true AS holder, c.psn_no IS NOT NULL AS enrolled,
           COALESCE(h.code = ANY(c.subsidy_codes), false) AS subsidised, COALESCE(c.subsidised, false) AS any_subsidy
      FROM held h LEFT JOIN covered c ON c.psn_no = h.psn_no
    UNION ALL
    SELECT x.code, c.psn_no, false, true, true, true
      FROM covered c JOIN scoped s ON s.psn_no = c.psn_no CROSS JOIN LATERAL unnest(c.subsidy_codes) AS x(code)
     WHERE NOT EXISTS (SELECT 1 FROM held h WHERE h.psn_no = c.psn_no AND h.code = x.code))`;

/**
 * Per identity type: holders in the year, of them the insured and those with no subsidy at all
 * (the gap of a group the state must subsidise), and the persons subsidised under the identity.
 * The total counts each person once; its 资助参保 is every subsidised insured person of the region,
 * the same figure as 参保进度's.
 */
export async function specialGroups(
  q: Queryable,
  admdvs: string | null,
  today: string,
  year: number,
  /** false: identity types marked sensitive are left out of the rows and of the total */
  withSensitive = true,
) {
  const rows = await q.query<GroupCounts & { isTotal: boolean; allSubsidised: number }>(
    `WITH ${FACTS}
     SELECT GROUPING(t.code) = 1 AS "isTotal", t.code, t.name, t.department,
            t.subsidises_enrollment AS "subsidisesEnrollment",
            count(DISTINCT f.psn_no) FILTER (WHERE f.holder)::int AS holders,
            count(DISTINCT f.psn_no) FILTER (WHERE f.holder AND f.enrolled)::int AS enrolled,
            count(DISTINCT f.psn_no) FILTER (WHERE f.subsidised)::int AS subsidised,
            count(DISTINCT f.psn_no) FILTER (WHERE f.holder AND NOT f.any_subsidy)::int AS unsubsidised,
            (SELECT count(*) FROM covered c JOIN scoped s ON s.psn_no = c.psn_no WHERE c.subsidised)::int
              AS "allSubsidised"
       FROM identity_type t LEFT JOIN facts f ON f.code = t.code
      WHERE $3::boolean OR NOT t.sensitive
      GROUP BY GROUPING SETS ((t.code, t.name, t.department, t.subsidises_enrollment), ())
      ORDER BY GROUPING(t.code), t.subsidises_enrollment DESC, holders DESC, t.code`,
    [year, admdvs, withSensitive],
  );
  const items = rows.filter((r) => !r.isTotal).map(({ isTotal: _t, allSubsidised: _a, ...r }) => r);
  const t = rows.find((r) => r.isTotal)!;
  const total: GroupCounts = {
    code: 'total',
    name: '合计（去重）',
    department: '',
    subsidisesEnrollment: false,
    holders: t.holders,
    enrolled: t.enrolled,
    subsidised: t.allSubsidised,
    unsubsidised: t.unsubsidised,
  };
  return { date: today, year, items: coverage(items), total: coverage([total])[0] };
}

/** Which persons a dashboard figure counts (see `figureFilter`). */
export async function figurePersons(
  q: Queryable,
  admdvs: string | null,
  year: number,
  withSensitive: boolean,
  f: { figure: Figure; code?: string; townshipCode?: string },
  limit: number,
  offset: number,
): Promise<{ items: FigurePerson[]; total: number }> {
  const chosen: Record<Figure, string> = {
    insured:
      'SELECT c.psn_no FROM covered c JOIN scoped s ON s.psn_no = c.psn_no WHERE ($5::text IS NULL OR s.township_code = $5)',
    subsidised:
      'SELECT c.psn_no FROM covered c JOIN scoped s ON s.psn_no = c.psn_no WHERE c.subsidised AND ($5::text IS NULL OR s.township_code = $5)',
    holders: 'SELECT DISTINCT f.psn_no FROM facts f WHERE f.holder AND ($4::text IS NULL OR f.code = $4)',
    enrolled:
      'SELECT DISTINCT f.psn_no FROM facts f WHERE f.holder AND f.enrolled AND ($4::text IS NULL OR f.code = $4)',
    groupSubsidised:
      'SELECT DISTINCT f.psn_no FROM facts f WHERE f.subsidised AND ($4::text IS NULL OR f.code = $4)',
    unsubsidised:
      'SELECT DISTINCT f.psn_no FROM facts f WHERE f.holder AND NOT f.any_subsidy AND ($4::text IS NULL OR f.code = $4)',
  };
  // `typed` names the types of $4 and $5 for the figures whose filter does not use them
  const rows = await q.query<FigurePerson & { n: number }>(
    `WITH ${FACTS}, chosen AS (${chosen[f.figure]}), typed AS (SELECT $4::text AS code, $5::text AS township)
     SELECT p.psn_no AS "psnNo", p.name, p.certno, t.name AS "townshipName", v.name AS "villageName",
            c.psn_no IS NOT NULL AS insured, COALESCE(c.subsidised, false) AS subsidised,
            (count(*) OVER ())::int AS n
       FROM chosen x JOIN person p ON p.psn_no = x.psn_no
       JOIN village v ON v.code = p.village_code JOIN township t ON t.code = v.township_code
       LEFT JOIN covered c ON c.psn_no = p.psn_no
      ORDER BY v.code, p.psn_no
      LIMIT $6 OFFSET $7`,
    [year, admdvs, withSensitive, f.code ?? null, f.townshipCode ?? null, limit, offset],
  );
  const total =
    rows[0]?.n ?? (offset > 0 ? (await figurePersons(q, admdvs, year, withSensitive, f, 1, 0)).total : 0);
  return { items: rows.map(({ n: _n, ...r }) => r), total };
}

export async function isSensitiveIdentity(q: Queryable, code: string): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM identity_type WHERE code = $1 AND sensitive', [code]);
  return rows.length > 0;
}
