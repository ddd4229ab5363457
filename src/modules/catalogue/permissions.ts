// The catalogue declares no permission of its own: it is read and maintained under the institutions'
// registry.institution.view / .edit (定点机构与医保目录), codes that are data (role_permission rows an
// admin may have changed) and so keep the names they were published with.
import type { PermissionDefs } from '../../domain/accounts/permissions.ts';

export const CATALOGUE_PERMISSIONS: PermissionDefs = {};
