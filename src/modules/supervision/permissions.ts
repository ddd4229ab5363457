// 基金监管: auditors (稽核) work the rules, runs, samples and suspects; the leader reads and decides;
// admins configure; an institution's own login (定点机构用户) sees and answers only its suspects.
export const SUPERVISION_PERMISSIONS = {
  'supervision.read': { name: '基金监管查询（规则、筛查、疑点）', roles: ['admin', 'auditor', 'leader'] },
  'supervision.scan': { name: '发起事后筛查', roles: ['admin', 'auditor'] },
  'supervision.rules': { name: '规则库与知识库维护', roles: ['admin'] },
  'supervision.sample': { name: '病历抽查（抽样、分派、审查）', roles: ['auditor'] },
  'supervision.suspect.view': {
    name: '查看疑点（机构用户只见本机构）',
    roles: ['admin', 'auditor', 'leader', 'institution'],
  },
  'supervision.suspect.review': { name: '疑点初审、复审与调查核实', roles: ['auditor'] },
  'supervision.suspect.decide': {
    name: '疑点处理决定（认定、排除、移交立案）',
    roles: ['auditor', 'leader'],
  },
  'supervision.suspect.appeal': { name: '机构申诉或认可疑点', roles: ['institution'] },
} as const;
