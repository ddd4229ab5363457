// Checking the audit hash chains (migration 011): every row's hash must match its content, every
// row must link to its predecessor's hash with no gap in seq, and each stream's last row must be
// the chain head. The first break of each stream is reported; a clean run lists each stream's head
// hash, which an auditor may keep outside the database (a later rewrite of a whole chain by
// someone who owns the database would change those hashes).
import type { Queryable } from '../../db/types.ts';
import type { BreakKind, ChainBreak, ChainReport, StreamReport } from './contract.ts';

export interface VerifyRange {
  /** ISO instants; rows with from <= at < to (both optional) */
  from?: string | null;
  to?: string | null;
}

interface LinkRow {
  stream: number;
  id: number;
  seq: number;
  at: string;
  hashOk: boolean;
  gap: boolean;
}

// The predecessor of the first row in the range lies outside it: fetched by (stream, seq - 1).
const LINKS = `
  WITH r AS (
    SELECT e.id, e.stream, e.seq, e.at, e.prev_hash, e.hash = audit_hash(e) AS hash_ok,
           lag(e.seq) OVER w AS lag_seq, lag(e.hash) OVER w AS lag_hash
      FROM audit_entry e
     WHERE ($1::timestamptz IS NULL OR e.at >= $1) AND ($2::timestamptz IS NULL OR e.at < $2)
    WINDOW w AS (PARTITION BY e.stream ORDER BY e.seq)),
  l AS (
    SELECT r.*,
           CASE WHEN r.seq = 1 THEN repeat('0', 64)
                WHEN r.lag_seq = r.seq - 1 THEN r.lag_hash
                ELSE (SELECT p.hash FROM audit_entry p WHERE p.stream = r.stream AND p.seq = r.seq - 1)
           END AS expect_prev,
           r.seq > 1 AND (r.lag_seq IS DISTINCT FROM r.seq - 1)
             AND NOT EXISTS (SELECT 1 FROM audit_entry p WHERE p.stream = r.stream AND p.seq = r.seq - 1) AS gap
      FROM r)
  SELECT stream, id, seq, at, hash_ok AS "hashOk", gap
    FROM l
   WHERE NOT hash_ok OR gap OR prev_hash IS DISTINCT FROM expect_prev
   ORDER BY stream, seq`;

export async function verifyChain(q: Queryable, range: VerifyRange = {}): Promise<ChainReport> {
  const from = range.from ?? null;
  const to = range.to ?? null;
  const bad = await q.query<LinkRow>(LINKS, [from, to]);
  const firstBreak = new Map<number, ChainBreak>();
  for (const b of bad) {
    if (firstBreak.has(b.stream)) continue;
    const kind: BreakKind = !b.hashOk ? 'hash' : b.gap ? 'gap' : 'link';
    firstBreak.set(b.stream, { stream: b.stream, kind, id: b.id, seq: b.seq, at: b.at });
  }
  const streams = await q.query<{
    stream: number;
    rows: number;
    lastSeq: number;
    lastHash: string;
    maxSeq: number | null;
    maxHash: string | null;
  }>(
    `SELECT h.stream, h.last_seq AS "lastSeq", h.last_hash AS "lastHash",
            (SELECT count(*)::int FROM audit_entry e WHERE e.stream = h.stream
                AND ($1::timestamptz IS NULL OR e.at >= $1) AND ($2::timestamptz IS NULL OR e.at < $2)) AS rows,
            m.seq AS "maxSeq", m.hash AS "maxHash"
       FROM audit_chain_head h
       LEFT JOIN LATERAL (SELECT seq, hash FROM audit_entry e WHERE e.stream = h.stream ORDER BY seq DESC LIMIT 1) m ON true
      ORDER BY h.stream`,
    [from, to],
  );
  const out: StreamReport[] = [];
  let checked = 0;
  for (const s of streams) {
    checked += s.rows;
    // the tail is checked whatever the range: rows after the range are not read, only the last one
    const tailOk = s.lastSeq === (s.maxSeq ?? 0) && (s.lastSeq === 0 || s.lastHash === s.maxHash);
    if (!tailOk && !firstBreak.has(s.stream)) {
      firstBreak.set(s.stream, {
        stream: s.stream,
        kind: 'tail',
        id: null,
        seq: (s.maxSeq ?? 0) + 1,
        at: null,
      });
    }
    if (s.lastSeq === 0 && s.rows === 0 && !firstBreak.has(s.stream)) continue; // never used
    out.push({
      stream: s.stream,
      rows: s.rows,
      lastSeq: s.lastSeq,
      lastHash: s.lastHash,
      break: firstBreak.get(s.stream) ?? null,
    });
  }
  const breaks = [...firstBreak.values()].sort((a, b) => a.stream - b.stream);
  return { ok: breaks.length === 0, checked, from, to, streams: out, breaks };
}
