// The institutions' permissions, shared with the catalogue (定点机构与医保目录 are county work, not on
// the village agent's menu). The codes keep the registry prefix they were published with: they are
// data (role_permission rows an admin may have changed).
const COUNTY_STAFF = ['admin', 'clerk', 'reviewer', 'auditor', 'leader'] as const;

export const INSTITUTION_PERMISSIONS = {
  'registry.institution.view': { name: '定点机构与医保目录查询', roles: COUNTY_STAFF },
  'registry.institution.edit': { name: '定点机构与医保目录维护', roles: ['admin'] },
} as const;
