// 一人一档 · 办件记录: the person's service matters, newest first, each linking to its page.
import { useState } from 'react';
import type { MatterRow } from '../../../../src/modules/matter/contract.ts';
import type { Page } from '../../lib/api.ts';
import type { Paging } from '../../lib/paging.ts';
import { useApi } from '../../lib/use-api.ts';
import { MatterTable } from '../matter/matter-table.tsx';

export function PersonMatters({ psnNo }: { psnNo: string }) {
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 10 });
  const list = useApi<Page<MatterRow>>('/api/matter/matters', { psnNo, ...paging });
  return (
    <div data-testid="person-matters">
      <MatterTable list={list} paging={paging} onPage={setPaging} />
    </div>
  );
}
