// Ledger imports (台账导入): partner data written in bulk by the counter and the admin.
import { ALL_STAFF } from '../../domain/accounts/roles.ts';

export const IMPORT_PERMISSIONS = {
  'import.view': { name: '查看导入类别与模板', roles: ALL_STAFF },
  'import.run': { name: '台账导入（上传、查看作业与错误报告）', roles: ['admin', 'clerk'] },
} as const;
