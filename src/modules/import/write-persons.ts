// Writing accepted person rows: new persons go straight into `person` with COPY (the unique
// certno guards against a concurrent registration: the whole import then fails and can simply be
// re-run); the few updates and household memberships are set-based statements.
import type { Queryable } from '../../db/types.ts';
import type { PersonRecord } from '../../domain/import/persons.ts';
import type { Actor } from '../audit/index.ts';
import { copyCsv } from '../../db/copy-csv.ts';
import { auditEach } from '../audit/index.ts';

/** psn_no: the pooling region + a 10-digit serial from person_serial (002_registry.sql). */
export const psnNoFor = (admdvs: string, serial: number) => `${admdvs}${String(serial).padStart(10, '0')}`;

async function reserveSerials(tx: Queryable, n: number): Promise<number[]> {
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

export async function writePersons(
  tx: Queryable,
  actor: Actor,
  records: readonly PersonRecord[],
  today: string,
): Promise<{ inserted: number; updated: number }> {
  const inserts = records.filter((r) => r.action === 'insert');
  const updates = records.filter((r) => r.action === 'update');

  const newHouseholds = records.filter((r) => r.newHousehold);
  if (newHouseholds.length > 0) {
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

  const serials = await reserveSerials(tx, inserts.length);
  inserts.forEach((r, i) => {
    r.psnNo = psnNoFor(r.admdvs, serials[i]);
  });
  if (inserts.length > 0) {
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

  if (updates.length > 0) {
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
    await auditEach(
      tx,
      actor,
      'person.update',
      'person',
      updates.map((r) => ({
        id: r.psnNo!,
        before: r.before,
        after: { phone: r.phone, villageCode: r.villageCode, householdNo: r.householdNo },
      })),
    );
  }

  const joins = records.filter((r) => r.joinsHousehold);
  if (joins.length > 0) {
    await tx.query(
      `INSERT INTO household_member (household_no, psn_no, relation, from_date)
       SELECT m.no, m.psn_no, m.relation, $4::date FROM unnest($1::text[], $2::text[], $3::text[]) AS m(no, psn_no, relation)`,
      [joins.map((r) => r.householdNo), joins.map((r) => r.psnNo), joins.map((r) => r.relation), today],
    );
  }
  return { inserted: inserts.length, updated: updates.length };
}
