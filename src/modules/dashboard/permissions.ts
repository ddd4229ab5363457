// The leader's 首页.
export const DASHBOARD_PERMISSIONS = {
  'dashboard.view': {
    name: '首页统计（参保进度、结算、特殊人群）',
    roles: ['admin', 'leader', 'auditor', 'reviewer'],
  },
} as const;
