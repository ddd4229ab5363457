// The self-service site has no staff permissions: its login routes are 'public' and the rest 'person'
// (the insured person's own session). Nothing here is granted to a role.
import type { PermissionDefs } from '../../domain/accounts/permissions.ts';

export const SELFSERVICE_PERMISSIONS: PermissionDefs = {};
