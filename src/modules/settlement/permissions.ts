// Settlement records hold diagnoses and costs: county staff search them; the village agent does
// not (its work is enrollment, and the menu never offered it — the API now agrees). Filings and 门特
// qualifications are registered at the counter.
export const SETTLEMENT_PERMISSIONS = {
  'settlement.search': {
    name: '结算查询（结算单、费用明细、累计）',
    roles: ['admin', 'clerk', 'reviewer', 'auditor', 'leader'],
  },
  'settlement.filing': { name: '异地就医备案与门特资格登记', roles: ['admin', 'clerk'] },
  // the bureau settles a visit the HIS uploaded but could not settle (手工结算), or reverses one
  'settlement.manual': { name: '手工结算与撤销', roles: ['admin', 'clerk'] },
} as const;
