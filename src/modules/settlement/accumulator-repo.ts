// 累计 per person, scheme and benefit year. lockAccumulators is how settlements of one person
// serialise: the row is created if missing, then locked until the transaction ends, so two
// settlements can never both read the same "before" and pass a cap together.
import type { Queryable, Tx } from '../../db/types.ts';
import { type Accumulators, emptyAccumulators } from '../../domain/settlement/types.ts';

const COLUMNS = `year, admissions, deductible_paid_fen AS "deductiblePaidFen", basic_fund_paid_fen AS "basicFundPaidFen",
  outpatient_pooled_paid_fen AS "outpatientPooledPaidFen", critical_illness_base_fen AS "criticalIllnessBaseFen",
  critical_illness_paid_fen AS "criticalIllnessPaidFen", assistance_deductible_paid_fen AS "assistanceDeductiblePaidFen",
  assistance_paid_fen AS "assistancePaidFen", special_disease_paid AS "specialDiseasePaidFen",
  outpatient_deductible_paid_fen AS "outpatientDeductiblePaidFen",
  special_disease_deductible_paid AS "specialDiseaseDeductiblePaidFen"`;

/** The same fields as one JSON object, for statements that read the row along with others. */
export const accumulatorJson = (
  a: string,
) => `json_build_object('year', ${a}.year, 'admissions', ${a}.admissions,
  'deductiblePaidFen', ${a}.deductible_paid_fen, 'basicFundPaidFen', ${a}.basic_fund_paid_fen,
  'outpatientPooledPaidFen', ${a}.outpatient_pooled_paid_fen, 'criticalIllnessBaseFen', ${a}.critical_illness_base_fen,
  'criticalIllnessPaidFen', ${a}.critical_illness_paid_fen, 'assistanceDeductiblePaidFen', ${a}.assistance_deductible_paid_fen,
  'assistancePaidFen', ${a}.assistance_paid_fen, 'specialDiseasePaidFen', ${a}.special_disease_paid,
  'outpatientDeductiblePaidFen', ${a}.outpatient_deductible_paid_fen,
  'specialDiseaseDeductiblePaidFen', ${a}.special_disease_deductible_paid)`;

export async function lockAccumulators(
  tx: Tx,
  psnNo: string,
  insutype: string,
  year: number,
  /** the row was just ensured (lockVisitForSettlement): skip the insert */
  ensured = false,
): Promise<Accumulators> {
  if (!ensured) {
    await tx.query(
      'INSERT INTO accumulator (psn_no, insutype, year) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [psnNo, insutype, year],
    );
  }
  const rows = await tx.query<Accumulators>(
    `SELECT ${COLUMNS} FROM accumulator WHERE psn_no = $1 AND insutype = $2 AND year = $3 FOR UPDATE`,
    [psnNo, insutype, year],
  );
  return rows[0] ?? lockAccumulators(tx, psnNo, insutype, year);
}

/** Without locking or creating (pre-settlement, staff queries). */
export async function readAccumulators(
  q: Queryable,
  psnNo: string,
  insutype: string,
  year: number,
): Promise<Accumulators> {
  const rows = await q.query<Accumulators>(
    `SELECT ${COLUMNS} FROM accumulator WHERE psn_no = $1 AND insutype = $2 AND year = $3`,
    [psnNo, insutype, year],
  );
  return rows[0] ?? emptyAccumulators(year);
}

export async function listAccumulators(
  q: Queryable,
  psnNo: string,
  year: number,
): Promise<(Accumulators & { insutype: string; updatedAt: string })[]> {
  return q.query(
    `SELECT insutype, ${COLUMNS}, updated_at AS "updatedAt" FROM accumulator
      WHERE psn_no = $1 AND year = $2 ORDER BY insutype`,
    [psnNo, year],
  );
}

export async function writeAccumulators(
  tx: Tx,
  psnNo: string,
  insutype: string,
  a: Accumulators,
  now: string,
): Promise<void> {
  await tx.query(
    `UPDATE accumulator SET admissions = $4, deductible_paid_fen = $5, basic_fund_paid_fen = $6,
       outpatient_pooled_paid_fen = $7, critical_illness_base_fen = $8, critical_illness_paid_fen = $9,
       assistance_deductible_paid_fen = $10, assistance_paid_fen = $11, special_disease_paid = $12,
       outpatient_deductible_paid_fen = $14, special_disease_deductible_paid = $15, updated_at = $13
     WHERE psn_no = $1 AND insutype = $2 AND year = $3`,
    [
      psnNo,
      insutype,
      a.year,
      a.admissions,
      a.deductiblePaidFen,
      a.basicFundPaidFen,
      a.outpatientPooledPaidFen,
      a.criticalIllnessBaseFen,
      a.criticalIllnessPaidFen,
      a.assistanceDeductiblePaidFen,
      a.assistancePaidFen,
      JSON.stringify(a.specialDiseasePaidFen),
      now,
      a.outpatientDeductiblePaidFen ?? 0,
      JSON.stringify(a.specialDiseaseDeductiblePaidFen ?? {}),
    ],
  );
}
