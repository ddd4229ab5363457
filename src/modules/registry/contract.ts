// Replies of the registry's reference routes that the workbench reads.
import type { RegionLevel } from '../../domain/registry/region-rules.ts';

export type { Locations } from './locations.ts';

/** A region (医保区划) as /api/registry/regions answers it. */
export interface Region {
  admdvs: string;
  name: string;
  level: RegionLevel | null;
  parent: string | null;
  parentName: string | null;
  /** designated institutions registered in it */
  institutions: number;
}
