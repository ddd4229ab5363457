// The registry's permissions. Persons and households are read by all staff (the village agent for
// its own village, a scope the services check). Institutions and the catalogue (county work, not on
// the agent's menu) have theirs in modules/institutions.
import { ALL_STAFF, FULL_PII_ROLES } from '../../domain/accounts/roles.ts';

export const REGISTRY_PERMISSIONS = {
  'registry.person.view': { name: '人员与家庭查询', roles: ALL_STAFF },
  'registry.person.edit': { name: '人员与家庭登记、信息变更', roles: ['admin', 'clerk', 'agent'] },
  'registry.person.reveal': { name: '查看完整身份证号与电话（留痕）', roles: FULL_PII_ROLES },
  'registry.person.status': { name: '人员状态与特殊身份登记', roles: ['admin', 'clerk'] },
  'registry.enrollment.view': { name: '参保记录查询', roles: ALL_STAFF },
  'registry.enrollment.edit': { name: '参保登记、更正与停保', roles: ['admin', 'clerk', 'agent'] },
  'registry.reference.view': { name: '行政区划、身份类别与参保进度', roles: ALL_STAFF },
  'registry.reference.edit': { name: '身份类别敏感标记与应参保人数', roles: ['admin'] },
  'registry.region.edit': { name: '医保区划维护（新增、修改）', roles: ['admin'] },
} as const;
