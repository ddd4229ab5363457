// Every module's routes and permissions, registered by the server assembly. Add a module with one
// line here (its index.ts exports both).
import type { RoutesPlugin } from '../api/context.ts';
import type { PermissionDefs } from '../domain/accounts/permissions.ts';
import { ACCOUNT_PERMISSIONS, accountRoutes } from './accounts/index.ts';
import { AUDIT_PERMISSIONS, auditRoutes } from './audit/index.ts';
import { CATALOGUE_PERMISSIONS, catalogueRoutes } from './catalogue/index.ts';
import { CASEWORK_PERMISSIONS, caseworkRoutes } from './casework/index.ts';
import { CALENDAR_PERMISSIONS, calendarRoutes } from './calendar/index.ts';
import { COLLECTION_PERMISSIONS, collectionRoutes } from './collection/index.ts';
import { DASHBOARD_PERMISSIONS, dashboardRoutes } from './dashboard/index.ts';
import { ENROLLMENT_PERMISSIONS, enrollmentModuleRoutes } from './enrollment/index.ts';
import { HIS_PERMISSIONS, hisRoutes } from './his/index.ts';
import { IMPORT_PERMISSIONS, importRoutes } from './import/index.ts';
import { INSTITUTION_PERMISSIONS, institutionRoutes } from './institutions/index.ts';
import { MEDSTAFF_PERMISSIONS, medstaffRoutes } from './medstaff/index.ts';
import { MATTER_PERMISSIONS, matterRoutes } from './matter/index.ts';
import { PERSON_PERMISSIONS, personModuleRoutes } from './persons/index.ts';
import { POLICY_PERMISSIONS, policyRoutes } from './policy/index.ts';
import { RATING_PERMISSIONS, ratingRoutes } from './rating/index.ts';
import { REGISTRY_PERMISSIONS, registryRoutes } from './registry/index.ts';
import { SELFSERVICE_PERMISSIONS, selfserviceRoutes } from './selfservice/index.ts';
import { SETTLEMENT_PERMISSIONS, settlementRoutes } from './settlement/index.ts';
import { SUPERVISION_PERMISSIONS, supervisionRoutes } from './supervision/index.ts';
import { TICKET_PERMISSIONS, ticketRoutes } from './ticket/index.ts';

export interface ModuleEntry {
  routes: RoutesPlugin;
  permissions: PermissionDefs;
}

export const modules: ModuleEntry[] = [
  { routes: accountRoutes, permissions: ACCOUNT_PERMISSIONS },
  { routes: importRoutes, permissions: IMPORT_PERMISSIONS },
  { routes: policyRoutes, permissions: POLICY_PERMISSIONS },
  { routes: settlementRoutes, permissions: SETTLEMENT_PERMISSIONS },
  { routes: hisRoutes, permissions: HIS_PERMISSIONS },
  { routes: personModuleRoutes, permissions: PERSON_PERMISSIONS },
  { routes: enrollmentModuleRoutes, permissions: ENROLLMENT_PERMISSIONS },
  { routes: registryRoutes, permissions: REGISTRY_PERMISSIONS },
  { routes: institutionRoutes, permissions: INSTITUTION_PERMISSIONS },
  { routes: catalogueRoutes, permissions: CATALOGUE_PERMISSIONS },
  { routes: dashboardRoutes, permissions: DASHBOARD_PERMISSIONS },
  { routes: calendarRoutes, permissions: CALENDAR_PERMISSIONS },
  { routes: collectionRoutes, permissions: COLLECTION_PERMISSIONS },
  { routes: auditRoutes, permissions: AUDIT_PERMISSIONS },
  { routes: supervisionRoutes, permissions: SUPERVISION_PERMISSIONS },
  { routes: matterRoutes, permissions: MATTER_PERMISSIONS },
  { routes: ticketRoutes, permissions: TICKET_PERMISSIONS },
  { routes: ratingRoutes, permissions: RATING_PERMISSIONS },
  { routes: caseworkRoutes, permissions: CASEWORK_PERMISSIONS },
  { routes: medstaffRoutes, permissions: MEDSTAFF_PERMISSIONS },
  { routes: selfserviceRoutes, permissions: SELFSERVICE_PERMISSIONS },
];
