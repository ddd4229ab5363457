// Per kind: build the row validator, load the registry facts a chunk of the file's rows refers to
// (one query per table per chunk) before checking it; and write the accepted changes.
import type { Db, Tx } from '../../db/types.ts';
import { cellText } from '../../domain/import/cells.ts';
import { type EnrollmentRef, enrollmentValidator } from '../../domain/import/enrollments.ts';
import type { HeaderMap } from '../../domain/import/headers.ts';
import { identityValidator, type SpellRef } from '../../domain/import/identities.ts';
import type { ImportKind } from '../../domain/import/kinds.ts';
import { personValidator } from '../../domain/import/persons.ts';
import type { PersonRef, RowError, RowOutcome, SourceRow } from '../../domain/import/rows.ts';
import { statusValidator } from '../../domain/import/status.ts';
import { parseIdNumber } from '../../domain/registry/id-number.ts';
import type { Actor } from '../audit/index.ts';
import * as repo from './repository.ts';
import { writeEnrollments } from './write-enrollments.ts';
import { writeIdentities } from './write-identities.ts';
import { writePersons } from './write-persons.ts';
import { writeStatusChanges } from './write-status.ts';

export interface Accepted {
  rowNo: number;
  action: 'insert' | 'update' | 'unchanged';
}

export interface ChunkOutcome {
  /** rows accepted (unchanged ones included) */
  accepted: number;
  /** the accepted rows that change something: these are staged and written */
  changes: Accepted[];
  errors: RowError[];
  rejected: number;
}

/** One kind's validation and write for one file, a chunk of rows at a time. */
export interface KindRun {
  /** loads the registry facts these rows refer to, then checks each row in file order */
  check(rows: readonly SourceRow[]): Promise<ChunkOutcome>;
  write(tx: Tx, changes: readonly Accepted[]): Promise<{ inserted: number; updated: number }>;
}

// The validators read the facts from their context maps row by row; those maps are refilled for
// every chunk (memory follows the chunk, not the file), while what a validator learns from
// earlier rows of the file (duplicates, spells, households) stays in the validator.
function refill<K, V>(target: Map<K, V>, from: ReadonlyMap<K, V>): void {
  target.clear();
  for (const [k, v] of from) target.set(k, v);
}

function makeRun<T extends Accepted>(
  load: (rows: readonly SourceRow[]) => Promise<void>,
  validate: (row: SourceRow) => RowOutcome<T>,
  write: (tx: Tx, changes: readonly T[]) => Promise<{ inserted: number; updated: number }>,
): KindRun {
  return {
    async check(rows) {
      await load(rows);
      const out: ChunkOutcome = { accepted: 0, changes: [], errors: [], rejected: 0 };
      for (const row of rows) {
        const o = validate(row);
        if (!o.ok) {
          out.rejected++;
          for (const e of o.errors) out.errors.push(e);
        } else {
          out.accepted++;
          if (o.record.action !== 'unchanged') out.changes.push(o.record);
        }
      }
      return out;
    },
    write: (tx, changes) => write(tx, changes as readonly T[]),
  };
}

export interface PrepareInput {
  kind: ImportKind;
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
  const persons = new Map<string, PersonRef>();
  const loadPersons = async (rows: readonly SourceRow[]) => {
    refill(persons, await repo.personsByCertno(db, certnosOf(rows, p.headers.index.certno, p.today)));
    return [...persons.values()].map((x) => x.psnNo);
  };
  const source = `导入作业#${p.jobId}`;
  switch (p.kind) {
    case 'persons': {
      const hhCol = p.headers.index.householdNo;
      const households = new Map<string, { villageCode: string; admdvs: string; hasHead: boolean }>();
      const validate = personValidator(
        {
          today: p.today,
          persons,
          villages: await repo.villages(db),
          households,
          defaultAdmdvs: await repo.defaultAdmdvs(db, p.staffAdmdvs),
        },
        p.headers,
      );
      const load = async (rows: readonly SourceRow[]) => {
        await loadPersons(rows);
        const nos =
          hhCol === undefined
            ? []
            : [...new Set(rows.map((r) => cellText(r.cells[hhCol] ?? null)).filter(Boolean))];
        refill(households, nos.length > 0 ? await repo.households(db, nos) : new Map());
      };
      return makeRun(load, validate, (tx, acc) => writePersons(tx, p.actor, acc, p.today));
    }
    case 'identities': {
      const spells = new Map<string, SpellRef[]>();
      const validate = identityValidator(
        { today: p.today, persons, identityTypes: await repo.identityTypes(db), spells },
        p.headers,
      );
      const load = async (rows: readonly SourceRow[]) => {
        refill(spells, await repo.spellsOf(db, await loadPersons(rows)));
      };
      return makeRun(load, validate, (tx, acc) => writeIdentities(tx, p.actor, acc, source));
    }
    case 'enrollments': {
      const enrollments = new Map<string, EnrollmentRef[]>();
      const identities = new Map<string, { code: string; validFrom: string; validTo: string | null }[]>();
      const validate = enrollmentValidator(
        { today: p.today, persons, identityTypes: await repo.identityTypes(db), enrollments, identities },
        p.headers,
      );
      const load = async (rows: readonly SourceRow[]) => {
        const psnNos = await loadPersons(rows);
        const spells = await repo.spellsOf(db, psnNos);
        refill(
          identities,
          new Map(
            [...spells].map(([psn, list]) => [
              psn,
              list.map((s) => ({ code: s.identityCode, validFrom: s.validFrom, validTo: s.validTo })),
            ]),
          ),
        );
        refill(enrollments, await repo.enrollmentsOf(db, psnNos));
      };
      return makeRun(load, validate, (tx, acc) => writeEnrollments(tx, p.actor, acc));
    }
    case 'status': {
      const changes = new Set<string>();
      const validate = statusValidator({ today: p.today, persons, changes }, p.headers);
      const load = async (rows: readonly SourceRow[]) => {
        const known = await repo.statusChangesOf(db, await loadPersons(rows));
        changes.clear();
        for (const k of known) changes.add(k);
      };
      return makeRun(load, validate, (tx, acc) => writeStatusChanges(tx, p.actor, acc, source));
    }
  }
}
