// Factories for other modules' tests: knowledge planted as the library import stores it (without
// the import's audit entry), and the doctors' decisions on 事前/事中 warnings as stored.
import { inTx } from '../../db/testing.ts';
import type { Db, Queryable, Tx } from '../../db/types.ts';
import type { KnowledgeRow } from './contract.ts';
import { insertKnowledge } from './repo.ts';

/** Knowledge rows (batch 'T', valid from 2026-01-01 unless given); returns how many were stored. */
export function plantKnowledge(
  q: Tx | Db,
  rows: (Pick<KnowledgeRow, 'template' | 'itemCode' | 'value'> & Partial<KnowledgeRow>)[],
  at = new Date(),
): Promise<number> {
  const full = rows.map((r) => ({ batch: 'T', validFrom: '2026-01-01', validTo: null, ...r }));
  return inTx(q, (tx) => insertKnowledge(tx, full, at));
}

/** The warnings a doctor has decided on (3103), by rule. */
export function warningDecisions(q: Queryable): Promise<{ rule: string; decision: string }[]> {
  return q.query(
    `SELECT rule_code AS rule, decision FROM supervision_warning WHERE decision IS NOT NULL ORDER BY rule_code`,
  );
}
