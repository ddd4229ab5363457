// The import's set-based statements: each writes every accepted row of a kind at once, guarded by
// the natural key, and the police list's effects carry their audit rows in the same statement.
import type { Tx } from '../../db/types.ts';
import { copyCsv } from '../../db/copy-csv.ts';
import type { EnrollmentRecord } from '../../domain/import/enrollments.ts';
import type { IdentityRecord } from '../../domain/import/identities.ts';
import type { PersonRecord } from '../../domain/import/persons.ts';
import type { StatusRecord } from '../../domain/import/status.ts';
import { STATUS_NAMES } from '../../domain/import/vocab.ts';
import type { Actor } from '../audit/index.ts';

// ---- enrollments: natural key person + scheme + begin date

const cols = (rs: readonly EnrollmentRecord[]) => [
  rs.map((r) => r.psnNo),
  rs.map((r) => r.admdvs),
  rs.map((r) => r.insutype),
  rs.map((r) => r.beginDate),
  rs.map((r) => r.endDate),
  rs.map((r) => r.personalFen),
  rs.map((r) => r.fiscalFen),
  rs.map((r) => r.assistedFen),
  rs.map((r) => r.assistedPayer),
  rs.map((r) => r.assistedIdentity),
  rs.map((r) => r.employerName),
];

const UNNEST = `unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::bigint[], $7::bigint[],
                       $8::bigint[], $9::text[], $10::text[], $11::text[])
  AS s(psn_no, admdvs, insutype, begin_date, end_date, personal, fiscal, assisted, payer, identity, employer)`;

/** New periods (an existing natural key is left alone); how many were inserted. */
export async function insertEnrollments(tx: Tx, inserts: readonly EnrollmentRecord[]): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO enrollment (psn_no, admdvs, insutype, begin_date, end_date, personal_fen, fiscal_fen,
                               assisted_fen, assisted_payer, assisted_identity, employer_name)
       SELECT s.psn_no, s.admdvs, s.insutype, s.begin_date, s.end_date, s.personal, s.fiscal, s.assisted,
              s.payer, s.identity, s.employer
         FROM ${UNNEST}
        WHERE NOT EXISTS (SELECT 1 FROM enrollment e
                           WHERE e.psn_no = s.psn_no AND e.insutype = s.insutype AND e.begin_date = s.begin_date)
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    cols(inserts),
  );
  return r.n;
}

/** Corrections of amounts, end date, subsidy and employer. */
export async function updateEnrollments(tx: Tx, updates: readonly EnrollmentRecord[]): Promise<void> {
  await tx.query(
    `UPDATE enrollment e SET end_date = s.end_date, personal_fen = s.personal, fiscal_fen = s.fiscal,
            assisted_fen = s.assisted, assisted_payer = coalesce(s.payer, e.assisted_payer),
            assisted_identity = s.identity, employer_name = s.employer
       FROM ${UNNEST}
      WHERE e.psn_no = s.psn_no AND e.insutype = s.insutype AND e.begin_date = s.begin_date`,
    cols(updates),
  );
}

// ---- identity spells: natural key person + identity + start date

/** New spells (an existing natural key is left alone); how many were inserted. */
export async function insertIdentities(
  tx: Tx,
  inserts: readonly IdentityRecord[],
  sourceRef: string,
): Promise<number> {
  const [r] = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO person_identity (psn_no, admdvs, identity_code, source_dept, valid_from, valid_to, source_ref)
       SELECT s.psn_no, s.admdvs, s.code, s.dept, s.valid_from, s.valid_to, $7
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[])
              AS s(psn_no, admdvs, code, dept, valid_from, valid_to)
        WHERE NOT EXISTS (SELECT 1 FROM person_identity i
                           WHERE i.psn_no = s.psn_no AND i.identity_code = s.code AND i.valid_from = s.valid_from)
       RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [
      inserts.map((r) => r.psnNo),
      inserts.map((r) => r.admdvs),
      inserts.map((r) => r.identityCode),
      inserts.map((r) => r.sourceDept),
      inserts.map((r) => r.validFrom),
      inserts.map((r) => r.validTo),
      sourceRef,
    ],
  );
  return r.n;
}

/** Corrected end dates and departments. */
export async function updateIdentities(tx: Tx, updates: readonly IdentityRecord[]): Promise<void> {
  await tx.query(
    `UPDATE person_identity i SET valid_to = u.valid_to, source_dept = u.dept
       FROM unnest($1::bigint[], $2::date[], $3::text[]) AS u(id, valid_to, dept)
      WHERE i.id = u.id`,
    [updates.map((r) => r.existingId), updates.map((r) => r.validTo), updates.map((r) => r.sourceDept)],
  );
}

// ---- persons, households and memberships

/** n fresh person serials, ascending. */
export async function reserveSerials(tx: Tx, n: number): Promise<number[]> {
  if (n === 0) return [];
  const [r] = await tx.query<{ s: string }>(
    `SELECT string_agg(nextval('person_serial')::text, ',') AS s FROM generate_series(1, $1)`,
    [n],
  );
  return r.s
    .split(',')
    .map(Number)
    .sort((a, b) => a - b);
}

/** The households new in this import (one per number). */
export async function insertHouseholds(tx: Tx, newHouseholds: readonly PersonRecord[]): Promise<void> {
  await tx.query(
    `INSERT INTO household (household_no, admdvs, village_code)
     SELECT DISTINCT ON (no) no, admdvs, village FROM unnest($1::text[], $2::text[], $3::text[]) AS h(no, admdvs, village)
     ON CONFLICT (household_no) DO NOTHING`,
    [
      newHouseholds.map((r) => r.householdNo),
      newHouseholds.map((r) => r.admdvs),
      newHouseholds.map((r) => r.villageCode),
    ],
  );
}

/** New persons by COPY (their psnNo assigned). */
export async function copyPersons(tx: Tx, inserts: readonly PersonRecord[]): Promise<void> {
  await tx.copyFrom(
    `COPY person (psn_no, admdvs, certno, name, gender, birth_date, phone, village_code, household_no)
     FROM STDIN (FORMAT csv)`,
    copyCsv(
      inserts.map((r) => [
        r.psnNo,
        r.admdvs,
        r.certno,
        r.name,
        r.gender,
        r.birthDate,
        r.phone,
        r.villageCode,
        r.joinsHousehold ? r.householdNo : null,
      ]),
    ),
  );
}

/** Phone, village and household of existing persons. */
export async function updatePersons(tx: Tx, updates: readonly PersonRecord[]): Promise<void> {
  await tx.query(
    `UPDATE person p SET phone = u.phone, village_code = u.village, household_no = u.household, updated_at = now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(psn_no, phone, village, household)
      WHERE p.psn_no = u.psn_no`,
    [
      updates.map((r) => r.psnNo),
      updates.map((r) => r.phone),
      updates.map((r) => r.villageCode),
      updates.map((r) => r.householdNo),
    ],
  );
}

/** Memberships of the persons joining a household, from today. */
export async function insertMembers(tx: Tx, joins: readonly PersonRecord[], today: string): Promise<void> {
  await tx.query(
    `INSERT INTO household_member (household_no, psn_no, relation, from_date)
     SELECT m.no, m.psn_no, m.relation, $4::date FROM unnest($1::text[], $2::text[], $3::text[]) AS m(no, psn_no, relation)`,
    [joins.map((r) => r.householdNo), joins.map((r) => r.psnNo), joins.map((r) => r.relation), today],
  );
}

// ---- police lists: status changes and their effects, each audited in the same statement

/** The changes not recorded yet (natural key person + status + effective date); how many. */
export async function insertStatusChanges(
  tx: Tx,
  rs: readonly StatusRecord[],
  source: string,
): Promise<number> {
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
  return n;
}

/**
 * The person's current status follows the latest change (an older change only adds history),
 * except death, which is final whatever was recorded after it; every change is audited with the
 * person's status before and after, as the registry's applyStatusChange does.
 */
export async function moveCurrentStatus(
  tx: Tx,
  rs: readonly StatusRecord[],
  actor: Actor,
  source: string,
  at: Date,
): Promise<void> {
  const psn = rs.map((r) => r.psnNo);
  const status = rs.map((r) => r.status);
  const eff = rs.map((r) => r.effectiveDate);
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
}

/** A death or imprisonment ends the open identity spells on the day and stops the enrollments past it. */
export async function endSpellsAndEnrollments(
  tx: Tx,
  stops: readonly StatusRecord[],
  actor: Actor,
  at: Date,
): Promise<void> {
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
