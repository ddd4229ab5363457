// Per kind: load the registry facts the file's rows refer to (one query per table for the whole
// file) and build the row validator; and write the accepted rows.
import type { Db, Queryable } from '../../db/types.ts';
import { cellText } from '../../domain/import/cells.ts';
import { enrollmentValidator } from '../../domain/import/enrollments.ts';
import type { HeaderMap } from '../../domain/import/headers.ts';
import { identityValidator } from '../../domain/import/identities.ts';
import type { ImportKind } from '../../domain/import/kinds.ts';
import { personValidator } from '../../domain/import/persons.ts';
import type { RowError, RowOutcome, SourceRow } from '../../domain/import/rows.ts';
import { statusValidator } from '../../domain/import/status.ts';
import { parseIdNumber } from '../../domain/registry/id-number.ts';
import type { Actor } from '../audit/audit.ts';
import * as repo from './repository.ts';
import { writeEnrollments } from './write-enrollments.ts';
import { writeIdentities } from './write-identities.ts';
import { writePersons } from './write-persons.ts';
import { writeStatusChanges } from './write-status.ts';

export interface Accepted {
  rowNo: number;
  action: 'insert' | 'update' | 'unchanged';
}

/** One kind's validation and write for one file; it keeps the accepted records itself. */
export interface KindRun {
  /** null when the row is accepted, else its errors */
  check(row: SourceRow): RowError[] | null;
  accepted(): readonly Accepted[];
  write(tx: Queryable): Promise<{ inserted: number; updated: number }>;
}

function makeRun<T extends Accepted>(
  validate: (row: SourceRow) => RowOutcome<T>,
  write: (tx: Queryable, accepted: readonly T[]) => Promise<{ inserted: number; updated: number }>,
): KindRun {
  const accepted: T[] = [];
  return {
    check(row) {
      const o = validate(row);
      if (!o.ok) return o.errors;
      accepted.push(o.record);
      return null;
    },
    accepted: () => accepted,
    write: (tx) => write(tx, accepted),
  };
}

export interface PrepareInput {
  kind: ImportKind;
  rows: readonly SourceRow[];
  headers: HeaderMap;
  actor: Actor;
  staffAdmdvs: string | null;
  today: string;
  jobId: number;
}

function certnosOf(rows: readonly SourceRow[], col: number, today: string): string[] {
  const out = new Set<string>();
  for (const r of rows) {
    const raw = cellText(r.cells[col] ?? null).toUpperCase();
    if (raw.length === 18) out.add(raw);
    else if (raw.length === 15) {
      // legacy 15-digit numbers are registered in their converted 18-digit form
      const id = parseIdNumber(raw, today);
      if (!(id instanceof Error)) out.add(id.idNumber);
    }
  }
  return [...out];
}

export async function prepareKind(db: Db, p: PrepareInput): Promise<KindRun> {
  const persons = await repo.personsByCertno(db, certnosOf(p.rows, p.headers.index.certno, p.today));
  const psnNos = [...persons.values()].map((x) => x.psnNo);
  const source = `导入作业#${p.jobId}`;
  switch (p.kind) {
    case 'persons': {
      const hhCol = p.headers.index.householdNo;
      const hhNos =
        hhCol === undefined
          ? []
          : [...new Set(p.rows.map((r) => cellText(r.cells[hhCol] ?? null)).filter(Boolean))];
      const validate = personValidator(
        {
          today: p.today,
          persons,
          villages: await repo.villages(db),
          households: await repo.households(db, hhNos),
          defaultAdmdvs: await repo.defaultAdmdvs(db, p.staffAdmdvs),
        },
        p.headers,
      );
      return makeRun(validate, (tx, acc) => writePersons(tx, p.actor, acc, p.today));
    }
    case 'identities': {
      const validate = identityValidator(
        {
          today: p.today,
          persons,
          identityTypes: await repo.identityTypes(db),
          spells: await repo.spellsOf(db, psnNos),
        },
        p.headers,
      );
      return makeRun(validate, (tx, acc) => writeIdentities(tx, p.actor, acc, source));
    }
    case 'enrollments': {
      const spells = await repo.spellsOf(db, psnNos);
      const identities = new Map(
        [...spells].map(([psn, list]) => [
          psn,
          list.map((s) => ({ code: s.identityCode, validFrom: s.validFrom, validTo: s.validTo })),
        ]),
      );
      const validate = enrollmentValidator(
        {
          today: p.today,
          persons,
          identityTypes: await repo.identityTypes(db),
          enrollments: await repo.enrollmentsOf(db, psnNos),
          identities,
        },
        p.headers,
      );
      return makeRun(validate, (tx, acc) => writeEnrollments(tx, p.actor, acc));
    }
    case 'status': {
      const validate = statusValidator(
        { today: p.today, persons, changes: await repo.statusChangesOf(db, psnNos) },
        p.headers,
      );
      return makeRun(validate, (tx, acc) => writeStatusChanges(tx, p.actor, acc, source));
    }
  }
}
