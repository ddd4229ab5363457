// The one definition of who is insured and who is 资助参保 in a coverage year, as SQL every count
// and every list of them (参保进度, the dashboard's special groups, their drill-downs) is built on:
//
// Insured in year Y: a person with an ACTIVE 390 (resident) or 310 (employee) enrollment whose period
// covers any day of Y, counted once even when insured by both schemes. 资助参保: those of them with
// at least one such enrollment carrying a subsidy (assisted_fen > 0); the subsidy is attributed to
// the identity it was granted for (enrollment.assisted_identity), not to the identities the person
// happens to hold on the day the figure is read — a 低保 spell that ended in June does not take the
// year's subsidy out of the count (that was the demo's 545 at the top against 532 in the table).

/** One row per insured person of year `year` (an SQL int expression): psn_no, subsidised, subsidy_codes. */
export const coveredPersonsSql = (year: string) => `
  SELECT e.psn_no, bool_or(e.assisted_fen > 0) AS subsidised,
         COALESCE(array_agg(DISTINCT e.assisted_identity)
                    FILTER (WHERE e.assisted_fen > 0 AND e.assisted_identity IS NOT NULL), '{}'::text[]) AS subsidy_codes
    FROM enrollment e
   WHERE e.status = 'active' AND e.insutype IN ('390', '310')
     AND e.begin_date <= make_date(${year}, 12, 31) AND e.end_date >= make_date(${year}, 1, 1)
   GROUP BY e.psn_no`;
