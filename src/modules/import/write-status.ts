// Writing accepted police-list rows, set-based: record each status change, move the person's
// current status, and for a death or an imprisonment end the person's open identity spells on
// the effective date and stop the enrollments that run past it — the same effects the registry's
// single-person status change has. Every touched person, spell and enrollment gets an audit row.
import type { Queryable } from '../../db/types.ts';
import type { StatusRecord } from '../../domain/import/status.ts';
import { STATUS_NAMES } from '../../domain/import/vocab.ts';
import type { Actor } from '../audit/index.ts';

export async function writeStatusChanges(
  tx: Queryable,
  actor: Actor,
  records: readonly StatusRecord[],
  source: string,
  at: Date = new Date(), // the application's clock for the audit rows, as for audit()
): Promise<{ inserted: number; updated: number }> {
  const rs = records.filter((r) => r.action === 'insert');
  if (rs.length === 0) return { inserted: 0, updated: 0 };
  const psn = rs.map((r) => r.psnNo);
  const status = rs.map((r) => r.status);
  const eff = rs.map((r) => r.effectiveDate);
  const [{ n }] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO person_status_change (psn_no, admdvs, status, effective_date, source, note)
       SELECT s.psn_no, s.admdvs, s.status, s.eff, $6, s.note
         FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[]) AS s(psn_no, admdvs, status, eff, note)
        WHERE NOT EXISTS (SELECT 1 FROM person_status_change c
                           WHERE c.psn_no = s.psn_no AND c.status = s.status AND c.effective_date = s.eff)
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [psn, rs.map((r) => r.admdvs), status, eff, rs.map((r) => r.note), source],
  );

  // the person's current status follows the latest change (an older change only adds history),
  // except death, which is final whatever was recorded after it; every change is audited with the
  // person's status before and after, as the registry's applyStatusChange does
  await tx.query(
    `WITH s AS (SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::text[]) AS s(psn_no, status, eff, note)),
     old AS (SELECT p.psn_no, p.status, p.status_date, p.death_date FROM person p JOIN s USING (psn_no)),
     upd AS (
       UPDATE person p SET status = s.status, status_date = s.eff,
              death_date = CASE WHEN s.status = 'deceased' THEN s.eff ELSE p.death_date END, updated_at = now()
         FROM s
        WHERE p.psn_no = s.psn_no AND (s.status = 'deceased' OR p.status_date IS NULL OR p.status_date <= s.eff)
       RETURNING p.psn_no, p.status, p.status_date, p.death_date)
     INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
     SELECT $5, $6, 'person.status_change', 'person', s.psn_no,
            jsonb_build_object('status', old.status, 'statusDate', old.status_date, 'deathDate', old.death_date),
            CASE WHEN upd.psn_no IS NULL
                 THEN jsonb_build_object('status', old.status, 'statusDate', old.status_date, 'deathDate', old.death_date)
                 ELSE jsonb_build_object('status', upd.status, 'statusDate', upd.status_date, 'deathDate', upd.death_date)
            END || jsonb_build_object('change', jsonb_build_object('status', s.status, 'effectiveDate', s.eff,
                                                                 'source', $7::text, 'note', s.note)),
            $8::timestamptz
       FROM s JOIN old USING (psn_no) LEFT JOIN upd USING (psn_no)`,
    [psn, status, eff, rs.map((r) => r.note), actor.id, actor.name, source, at.toISOString()],
  );

  const stops = rs.filter((r) => r.status === 'deceased' || r.status === 'imprisoned');
  if (stops.length > 0) {
    const args = [
      stops.map((r) => r.psnNo),
      stops.map((r) => r.effectiveDate),
      stops.map((r) => STATUS_NAMES[r.status]),
      actor.id,
      actor.name,
      at.toISOString(),
    ];
    await tx.query(
      `WITH s AS (SELECT * FROM unnest($1::text[], $2::date[], $3::text[]) AS s(psn_no, eff, reason)),
       old AS (SELECT i.id, i.valid_to FROM person_identity i JOIN s USING (psn_no)
                WHERE i.valid_from <= s.eff AND (i.valid_to IS NULL OR i.valid_to > s.eff)),
       ended AS (
         UPDATE person_identity i SET valid_to = s.eff, end_reason = s.reason
           FROM s WHERE i.psn_no = s.psn_no AND i.valid_from <= s.eff AND (i.valid_to IS NULL OR i.valid_to > s.eff)
         RETURNING i.id, i.psn_no, i.identity_code, i.valid_to, i.end_reason)
       INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
       SELECT $4, $5, 'identity.end', 'person_identity', ended.id::text,
              jsonb_build_object('validTo', old.valid_to),
              jsonb_build_object('psnNo', ended.psn_no, 'identityCode', ended.identity_code,
                                 'validTo', ended.valid_to, 'endReason', ended.end_reason), $6::timestamptz
         FROM ended JOIN old USING (id)`,
      args,
    );
    await tx.query(
      `WITH s AS (SELECT * FROM unnest($1::text[], $2::date[], $3::text[]) AS s(psn_no, eff, reason)),
       stopped AS (
         UPDATE enrollment e SET status = 'stopped', stopped_on = s.eff, stop_reason = s.reason
           FROM s WHERE e.psn_no = s.psn_no AND e.status = 'active' AND e.end_date > s.eff
         RETURNING e.id, e.psn_no, e.insutype, e.begin_date, e.stopped_on, e.stop_reason)
       INSERT INTO audit_entry (actor_id, actor_name, action, entity, entity_id, before, after, at)
       SELECT $4, $5, 'enrollment.stop', 'enrollment', stopped.id::text, jsonb_build_object('status', 'active'),
              jsonb_build_object('psnNo', psn_no, 'insutype', insutype, 'beginDate', begin_date, 'status', 'stopped',
                                 'stoppedOn', stopped_on, 'stopReason', stop_reason), $6::timestamptz
         FROM stopped`,
      args,
    );
  }
  return { inserted: n, updated: 0 };
}
