// 一次性告知 and 容缺: what the applicant handed in against the matter's list. Materials partner
// data can replace are not asked for when the data shows them (the clerk ticks them as shown). Every
// other material not handed in is either deferred under a 容缺 promise (only those the catalogue
// marks deferrable) or missing — and a matter with anything missing gets one notice listing all of it
// instead of an acceptance.
import type { Material } from './catalogue.ts';
import { matterError } from './errors.ts';

export interface MaterialCheck {
  /** each material with what happened to it, in catalogue order */
  items: { name: string; status: 'handed_in' | 'deferred' | 'missing' }[];
  missing: string[];
  deferred: string[];
}

export function checkMaterials(
  list: readonly Material[],
  handedIn: readonly string[],
  deferred: readonly string[],
): MaterialCheck {
  const names = new Set(list.map((m) => m.name));
  for (const n of [...handedIn, ...deferred]) {
    if (!names.has(n))
      throw matterError('MATTER_MATERIAL_UNKNOWN', `“${n}”不在该事项的材料清单中`, { material: n });
  }
  const items = list.map((m) => {
    if (handedIn.includes(m.name)) return { name: m.name, status: 'handed_in' as const };
    if (deferred.includes(m.name)) {
      if (!m.deferrable) {
        throw matterError('MATTER_NOT_DEFERRABLE', `“${m.name}”不允许容缺办理，须当场提交`, {
          material: m.name,
        });
      }
      return { name: m.name, status: 'deferred' as const };
    }
    return { name: m.name, status: 'missing' as const };
  });
  return {
    items,
    missing: items.filter((i) => i.status === 'missing').map((i) => i.name),
    deferred: items.filter((i) => i.status === 'deferred').map((i) => i.name),
  };
}
