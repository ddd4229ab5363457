// A person's status (正常 / 死亡 / 服刑 / 迁出) with its effective date and source. A death or an
// imprisonment ends the person's open identity spells on that date and stops enrollments that run
// past it — the person can no longer be covered or subsidised after it. The list import calls this
// for police lists row by row semantics-wise (it has a set-based twin in import/write-status.ts).
import type { Tx } from '../../db/types.ts';
import {
  checkStatusChange,
  type PersonStatus,
  STATUS_NAMES,
  statusEndsCoverage,
} from '../../domain/registry/person-rules.ts';
import { notFound } from '../../domain/shared/errors.ts';
import { type Actor, audit } from '../audit/index.ts';
import {
  endOpenSpells,
  insertStatusChange,
  lockPersonStatus,
  personStatus,
  setCurrentStatus,
  stopEnrollmentsPast,
} from './status-repo.ts';

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
  tx: Tx,
  actor: Actor,
  psnNo: string,
  input: StatusChangeInput,
  today?: string,
): Promise<StatusChangeResult> {
  const before = await lockPersonStatus(tx, psnNo);
  if (!before) throw notFound('PERSON_NOT_FOUND', `人员 ${psnNo} 不存在`, { field: 'psnNo' });
  const err = checkStatusChange(before, input, today ?? '9999-12-31');
  if (err) throw err;

  await insertStatusChange(tx, psnNo, before.admdvs, input);
  const becomesCurrent =
    input.status === 'deceased' || before.statusDate === null || before.statusDate <= input.effectiveDate;
  if (becomesCurrent) {
    // a correction back to normal clears a recorded death (it was entered in error)
    await setCurrentStatus(tx, psnNo, input.status, input.effectiveDate);
  }
  const after = await personStatus(tx, psnNo);
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
    const ended = await endOpenSpells(tx, psnNo, input.effectiveDate, reason);
    for (const i of ended) {
      await audit(tx, actor, 'identity.end', 'person_identity', i.id, null, {
        psnNo,
        ...i,
        endReason: reason,
      });
    }
    const stopped = await stopEnrollmentsPast(tx, psnNo, input.effectiveDate, reason);
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
