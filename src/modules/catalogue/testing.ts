// Factories for tests: a catalogue item inserted with explicit SQL (real-shaped defaults).
import type { Db, Tx } from '../../db/types.ts';

export interface CatalogueFixture {
  code?: string;
  name?: string;
  kind?: 'drug' | 'service' | 'material';
  chrgitmLv?: '01' | '02' | '03';
  firstShareBp?: number | null;
  priceCapFen?: number | null;
  validFrom?: string;
}

let catalogueSeq = 0;

export async function addCatalogueItem(q: Tx | Db, f: CatalogueFixture = {}): Promise<number> {
  catalogueSeq++;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO catalogue_item (code, name, kind, chrgitm_lv, first_share_bp, price_cap_fen, valid_from)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      f.code ?? `XA01AAA${String(catalogueSeq).padStart(6, '0')}`,
      f.name ?? `阿莫西林胶囊${catalogueSeq}`,
      f.kind ?? 'drug',
      f.chrgitmLv ?? '01',
      f.firstShareBp ?? null,
      f.priceCapFen ?? null,
      f.validFrom ?? '2024-01-01',
    ],
  );
  return row.id;
}
