// 基金监管: auditors (稽核) work the rules, runs and suspects; the leader reads; admins configure.
export const SUPERVISION_PERMISSIONS = {
  'supervision.read': { name: '基金监管查询（规则、筛查、疑点）', roles: ['admin', 'auditor', 'leader'] },
  'supervision.scan': { name: '发起事后筛查', roles: ['admin', 'auditor'] },
  'supervision.rules': { name: '规则库与知识库维护', roles: ['admin'] },
} as const;
