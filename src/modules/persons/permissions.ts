// The persons module's permissions. Persons and households are read by all staff (the village agent
// for its own village, a scope the services check). The codes keep the registry prefix they were
// published with: they are data (role_permission rows an admin may have changed). The identity types'
// sensitive switch is under the registry's registry.reference.edit.
import { ALL_STAFF, FULL_PII_ROLES } from '../../domain/accounts/roles.ts';

export const PERSON_PERMISSIONS = {
  'registry.person.view': { name: '人员与家庭查询', roles: ALL_STAFF },
  'registry.person.edit': { name: '人员与家庭登记、信息变更', roles: ['admin', 'clerk', 'agent'] },
  'registry.person.reveal': { name: '查看完整身份证号与电话（留痕）', roles: FULL_PII_ROLES },
  'registry.person.status': { name: '人员状态与特殊身份登记', roles: ['admin', 'clerk'] },
} as const;
