// SQL of a person's status change: the person's status row, the change's history, and what a death
// or imprisonment ends (open identity spells, enrollments running past the day).
import type { Tx } from '../../db/types.ts';
import type { PersonStatus } from '../../domain/registry/person-rules.ts';

export interface StatusRow {
  status: string;
  statusDate: string | null;
  deathDate: string | null;
}

/** The person's status and region, the row locked (undefined: no such person). */
export async function lockPersonStatus(
  tx: Tx,
  psnNo: string,
): Promise<(StatusRow & { admdvs: string }) | undefined> {
  const [before] = await tx.query<StatusRow & { admdvs: string }>(
    `SELECT status, status_date::text AS "statusDate", death_date::text AS "deathDate", admdvs FROM person WHERE psn_no = $1 FOR UPDATE`,
    [psnNo],
  );
  return before;
}

export async function personStatus(tx: Tx, psnNo: string): Promise<StatusRow> {
  const [after] = await tx.query<StatusRow>(
    `SELECT status, status_date::text AS "statusDate", death_date::text AS "deathDate" FROM person WHERE psn_no = $1`,
    [psnNo],
  );
  return after;
}

export async function insertStatusChange(
  tx: Tx,
  psnNo: string,
  admdvs: string,
  c: { status: PersonStatus; effectiveDate: string; source: string; note?: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_status_change (psn_no, admdvs, status, effective_date, source, note) VALUES ($1, $2, $3, $4, $5, $6)`,
    [psnNo, admdvs, c.status, c.effectiveDate, c.source, c.note ?? null],
  );
}

/** The current status; a correction back to normal clears a recorded death (it was entered in error). */
export async function setCurrentStatus(
  tx: Tx,
  psnNo: string,
  status: PersonStatus,
  effectiveDate: string,
): Promise<void> {
  await tx.query(
    `UPDATE person SET status = $2, status_date = $3,
            death_date = CASE WHEN $2 = 'deceased' THEN $3::date WHEN $2 = 'normal' THEN NULL ELSE death_date END,
            updated_at = now()
      WHERE psn_no = $1`,
    [psnNo, status, effectiveDate],
  );
}

/** End the spells open on the day (valid_to = the day). */
export function endOpenSpells(tx: Tx, psnNo: string, day: string, reason: string) {
  return tx.query<{ id: number; identityCode: string; validTo: string | null }>(
    `UPDATE person_identity SET valid_to = $2, end_reason = $3
      WHERE psn_no = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
     RETURNING id, identity_code AS "identityCode", valid_to::text AS "validTo"`,
    [psnNo, day, reason],
  );
}

/** Stop the active enrollments that run past the day. */
export function stopEnrollmentsPast(tx: Tx, psnNo: string, day: string, reason: string) {
  return tx.query<{ id: number; insutype: string; beginDate: string }>(
    `UPDATE enrollment SET status = 'stopped', stopped_on = $2, stop_reason = $3
      WHERE psn_no = $1 AND status = 'active' AND end_date > $2::date
     RETURNING id, insutype, begin_date::text AS "beginDate"`,
    [psnNo, day, reason],
  );
}
