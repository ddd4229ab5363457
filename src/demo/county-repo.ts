// Writing a generated demo county: every table by COPY in foreign-key order, inside the caller's
// transaction, then person_serial moved past the highest serial used so persons registered later
// get fresh numbers.
import type { Tx } from '../db/types.ts';
import type { DemoCounty } from '../domain/demo/county.ts';
import { type CopyValue, copyCsv } from '../db/copy-csv.ts';

async function copy(
  tx: Tx,
  table: string,
  columns: string,
  rows: readonly (readonly CopyValue[])[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.copyFrom(`COPY ${table} (${columns}) FROM STDIN (FORMAT csv)`, copyCsv(rows));
}

export async function writeDemoCounty(tx: Tx, c: DemoCounty): Promise<void> {
  const { places } = c;
  const a = places.admdvs;
  await tx.query(
    'INSERT INTO region (admdvs, name) VALUES ($1, $2) ON CONFLICT (admdvs) DO UPDATE SET name = EXCLUDED.name',
    [a, places.regionName],
  );
  await copy(
    tx,
    'township',
    'code, admdvs, name',
    places.townships.map((t) => [t.code, a, t.name]),
  );
  await copy(
    tx,
    'village',
    'code, township_code, admdvs, name',
    places.villages.map((v) => [v.code, v.townshipCode, a, v.name]),
  );
  await copy(
    tx,
    'household',
    'household_no, admdvs, village_code, address',
    c.households.map((h) => [h.householdNo, a, h.villageCode, h.address]),
  );
  await copy(
    tx,
    'person',
    'psn_no, admdvs, certno, name, gender, birth_date, phone, village_code, household_no, status, status_date, death_date',
    c.persons.map((p) => [
      p.psnNo,
      a,
      p.certno,
      p.name,
      p.gender,
      p.birthDate,
      p.phone,
      p.villageCode,
      p.householdNo,
      p.status,
      p.statusDate,
      p.deathDate,
    ]),
  );
  await copy(
    tx,
    'household_member',
    'household_no, psn_no, relation, from_date, to_date',
    c.memberships.map((m) => [m.householdNo, m.psnNo, m.relation, m.fromDate, m.toDate]),
  );
  await copy(
    tx,
    'person_status_change',
    'psn_no, admdvs, status, effective_date, source, note',
    c.statusChanges.map((s) => [s.psnNo, a, s.status, s.effectiveDate, s.source, s.note]),
  );
  await copy(
    tx,
    'person_identity',
    'psn_no, admdvs, identity_code, source_dept, valid_from, valid_to, end_reason, source_ref',
    c.identities.map((i) => [
      i.psnNo,
      a,
      i.code,
      i.sourceDept,
      i.validFrom,
      i.validTo,
      i.endReason,
      i.sourceRef,
    ]),
  );
  await copy(
    tx,
    'enrollment',
    `psn_no, admdvs, insutype, begin_date, end_date, status, personal_fen, fiscal_fen, assisted_fen, assisted_payer,
     assisted_identity, employer_code, employer_name, stopped_on, stop_reason, paid_on`,
    c.enrollments.map((e) => [
      e.psnNo,
      a,
      e.insutype,
      e.beginDate,
      e.endDate,
      e.status,
      e.personalFen,
      e.fiscalFen,
      e.assistedFen,
      e.assistedPayer,
      e.assistedIdentity,
      e.employerCode,
      e.employerName,
      e.stoppedOn,
      e.stopReason,
      e.paidOn,
    ]),
  );
  await copy(
    tx,
    'enrollment_target',
    'township_code, year, target',
    c.targets.map((t) => [t.townshipCode, t.year, t.target]),
  );
  await copy(
    tx,
    'institution',
    `code, admdvs, name, kind, level, village_code, agreement_from, agreement_to, qual_special_outpatient,
     qual_outpatient_pooling, qual_cross_province`,
    c.institutions.map((i) => [
      i.code,
      a,
      i.name,
      i.kind,
      i.level,
      i.villageCode,
      i.agreementFrom,
      i.agreementTo,
      i.qualSpecialOutpatient,
      i.qualOutpatientPooling,
      i.qualCrossProvince,
    ]),
  );
  await copy(
    tx,
    'catalogue_item',
    `code, name, kind, chrgitm_lv, first_share_bp, price_cap_fen, med_chrgitm_type, gender_limit, min_age, max_age,
     inpatient_only, valid_from, valid_to`,
    c.catalogue.map((i) => [
      i.code,
      i.name,
      i.kind,
      i.chrgitmLv,
      i.firstShareBp,
      i.priceCapFen,
      i.medChrgitmType,
      i.genderLimit,
      i.minAge,
      i.maxAge,
      i.inpatientOnly,
      i.validFrom,
      i.validTo,
    ]),
  );
  // psn_no = admdvs + serial; the next person registered takes the serial after ours
  const maxSerial = c.persons.reduce((m, p) => Math.max(m, Number(p.psnNo.slice(6))), 0);
  await tx.query(
    `SELECT setval('person_serial', greatest($1::bigint, (SELECT last_value FROM person_serial)), true)`,
    [Math.max(1, maxSerial)],
  );
}
