// A person's status (正常 / 死亡 / 服刑 / 迁出) with its effective date and source. A death or an
// imprisonment ends the person's open identity spells on that date and stops enrollments that run
// past it — the person can no longer be covered or subsidised after it. The list import calls this
// for police lists row by row semantics-wise (it has a set-based twin in import/write-status.ts).
import type { Queryable } from '../../db/types.ts';
import {
  checkStatusChange,
  type PersonStatus,
  STATUS_NAMES,
  statusEndsCoverage,
} from '../../domain/registry/person-rules.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';

export interface StatusChangeInput {
  status: PersonStatus;
  effectiveDate: string;
  source: string;
  note?: string | null;
}

export interface StatusChangeResult {
  psnNo: string;
  status: string;
  statusDate: string | null;
  deathDate: string | null;
  identitiesEnded: number;
  enrollmentsStopped: number;
}

/**
 * Record a status change. The person's current status follows the latest effective date (an older
 * change only adds history), except death, which is final. today, when given, refuses future dates.
 */
export async function applyStatusChange(
  tx: Queryable,
  actor: Actor,
  psnNo: string,
  input: StatusChangeInput,
  today?: string,
): Promise<StatusChangeResult> {
  const [before] = await tx.query<{
    status: string;
    statusDate: string | null;
    deathDate: string | null;
    admdvs: string;
  }>(
    `SELECT status, status_date::text AS "statusDate", death_date::text AS "deathDate", admdvs FROM person WHERE psn_no = $1 FOR UPDATE`,
    [psnNo],
  );
  if (!before) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  const err = checkStatusChange(before, input, today ?? '9999-12-31');
  if (err) throw err;

  await tx.query(
    `INSERT INTO person_status_change (psn_no, admdvs, status, effective_date, source, note) VALUES ($1, $2, $3, $4, $5, $6)`,
    [psnNo, before.admdvs, input.status, input.effectiveDate, input.source, input.note ?? null],
  );
  const becomesCurrent =
    input.status === 'deceased' || before.statusDate === null || before.statusDate <= input.effectiveDate;
  if (becomesCurrent) {
    // a correction back to normal clears a recorded death (it was entered in error)
    await tx.query(
      `UPDATE person SET status = $2, status_date = $3,
              death_date = CASE WHEN $2 = 'deceased' THEN $3::date WHEN $2 = 'normal' THEN NULL ELSE death_date END,
              updated_at = now()
        WHERE psn_no = $1`,
      [psnNo, input.status, input.effectiveDate],
    );
  }
  const [after] = await tx.query<{ status: string; statusDate: string | null; deathDate: string | null }>(
    `SELECT status, status_date::text AS "statusDate", death_date::text AS "deathDate" FROM person WHERE psn_no = $1`,
    [psnNo],
  );
  await audit(tx, actor, 'person.status_change', 'person', psnNo, strip(before), {
    ...after,
    change: {
      status: input.status,
      effectiveDate: input.effectiveDate,
      source: input.source,
      note: input.note ?? null,
    },
  });

  let identitiesEnded = 0;
  let enrollmentsStopped = 0;
  if (statusEndsCoverage(input.status)) {
    const reason = STATUS_NAMES[input.status];
    const ended = await tx.query<{ id: number; identityCode: string; validTo: string | null }>(
      `UPDATE person_identity SET valid_to = $2, end_reason = $3
        WHERE psn_no = $1 AND valid_from <= $2::date AND (valid_to IS NULL OR valid_to > $2::date)
       RETURNING id, identity_code AS "identityCode", valid_to::text AS "validTo"`,
      [psnNo, input.effectiveDate, reason],
    );
    for (const i of ended) {
      await audit(tx, actor, 'identity.end', 'person_identity', i.id, null, {
        psnNo,
        ...i,
        endReason: reason,
      });
    }
    const stopped = await tx.query<{ id: number; insutype: string; beginDate: string }>(
      `UPDATE enrollment SET status = 'stopped', stopped_on = $2, stop_reason = $3
        WHERE psn_no = $1 AND status = 'active' AND end_date > $2::date
       RETURNING id, insutype, begin_date::text AS "beginDate"`,
      [psnNo, input.effectiveDate, reason],
    );
    for (const e of stopped) {
      await audit(
        tx,
        actor,
        'enrollment.stop',
        'enrollment',
        e.id,
        { status: 'active' },
        {
          psnNo,
          ...e,
          status: 'stopped',
          stoppedOn: input.effectiveDate,
          stopReason: reason,
        },
      );
    }
    identitiesEnded = ended.length;
    enrollmentsStopped = stopped.length;
  }
  return { psnNo, ...after, identitiesEnded, enrollmentsStopped };
}

function strip(p: { status: string; statusDate: string | null; deathDate: string | null }) {
  return { status: p.status, statusDate: p.statusDate, deathDate: p.deathDate };
}
