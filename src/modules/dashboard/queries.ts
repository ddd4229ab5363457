// The dashboard's reads, each one explicit SQL statement scoped to the staff member's region
// (admdvs null = every region, for accounts not tied to one). Dates come in from the caller
// (the server's clock in China time), never from the database's own clock.
import type { Queryable } from '../../db/types.ts';
import { type GroupCounts, coverage } from '../../domain/dashboard/special-groups.ts';
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
 * Persons holding a valid spell of each identity type on `today`, and of them the insured for
 * `year` and those with a subsidised enrollment that year. The total (the empty grouping set)
 * counts each person once however many identities they hold. One pass groups identity spells
 * and covering enrollments by person, with no join whose plan could go wrong on stale
 * statistics (the embedded engine never auto-analyzes).
 */
export async function specialGroups(
  q: Queryable,
  admdvs: string | null,
  today: string,
  year: number,
  /** false: identity types marked sensitive are left out of the rows and of the total */
  withSensitive = true,
) {
  const rows = await q.query<GroupCounts & { isTotal: boolean }>(
    `WITH facts AS (
       SELECT i.psn_no, i.identity_code AS code, false AS covers, false AS assisted
         FROM person_identity i
        WHERE i.valid_from <= $1::date AND (i.valid_to IS NULL OR i.valid_to >= $1::date)
          AND ($3::text IS NULL OR i.admdvs = $3::text)
          AND ($4::boolean OR i.identity_code NOT IN (SELECT code FROM identity_type WHERE sensitive))
       UNION ALL
       SELECT e.psn_no, NULL, true, e.assisted_fen > 0
         FROM enrollment e
        WHERE e.status = 'active' AND e.insutype IN ('390', '310')
          AND e.begin_date <= make_date($2::int, 12, 31) AND e.end_date >= make_date($2::int, 1, 1)),
     per_person AS (
       SELECT psn_no, array_agg(DISTINCT code) FILTER (WHERE code IS NOT NULL) AS codes,
              bool_or(covers) AS enrolled, bool_or(assisted) AS subsidised
         FROM facts GROUP BY psn_no
       HAVING count(code) > 0),
     held AS (
       SELECT p.psn_no, c.code, p.enrolled, p.subsidised
         FROM per_person p CROSS JOIN LATERAL unnest(p.codes) AS c(code))
     SELECT GROUPING(t.code) = 1 AS "isTotal", t.code, t.name, t.department,
            t.subsidises_enrollment AS "subsidisesEnrollment",
            count(DISTINCT h.psn_no)::int AS holders,
            count(DISTINCT h.psn_no) FILTER (WHERE h.enrolled)::int AS enrolled,
            count(DISTINCT h.psn_no) FILTER (WHERE h.subsidised)::int AS subsidised
       FROM identity_type t LEFT JOIN held h ON h.code = t.code
      WHERE $4::boolean OR NOT t.sensitive
      GROUP BY GROUPING SETS ((t.code, t.name, t.department, t.subsidises_enrollment), ())
      ORDER BY GROUPING(t.code), t.subsidises_enrollment DESC, holders DESC, t.code`,
    [today, year, admdvs, withSensitive],
  );
  const items = rows.filter((r) => !r.isTotal).map(({ isTotal: _t, ...r }) => r);
  const t = rows.find((r) => r.isTotal)!;
  const total: GroupCounts = {
    code: 'total',
    name: '合计（去重）',
    department: '',
    subsidisesEnrollment: false,
    holders: t.holders,
    enrolled: t.enrolled,
    subsidised: t.subsidised,
  };
  return { date: today, year, items: coverage(items), total: coverage([total])[0] };
}
