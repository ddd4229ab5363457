// The registry's permissions: reference data (regions, places, identity types, progress and targets —
// the last two served by modules/persons and modules/enrollment under these codes) and regions.
// Persons and enrollment declare theirs in their own modules, institutions and the catalogue in
// modules/institutions; every code keeps the registry prefix it was published with (role_permission
// rows are data an admin may have changed).
import { ALL_STAFF } from '../../domain/accounts/roles.ts';

export const REGISTRY_PERMISSIONS = {
  'registry.reference.view': { name: '行政区划、身份类别与参保进度', roles: ALL_STAFF },
  'registry.reference.edit': { name: '身份类别敏感标记与应参保人数', roles: ['admin'] },
  'registry.region.edit': { name: '医保区划维护（新增、修改）', roles: ['admin'] },
} as const;
