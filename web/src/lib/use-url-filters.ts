// A list page's filters kept in the URL, so a reload or a back-navigation shows the same list.
import { useCallback } from 'react';
import type { Paging } from './paging.ts';
import { useUrlState } from './use-url-state.ts';
import { toQuery, withChange } from './list-query.ts';

const toParams = (f: Paging) => toQuery(f as unknown as Record<string, string | number | undefined>);

export function useUrlFilters<F extends Paging>(parse: (p: URLSearchParams) => F) {
  const { value: filters, set } = useUrlState<F>(parse, toParams);
  const update = useCallback((change: Partial<F>) => set(withChange(filters, change)), [filters, set]);
  return [filters, update] as const;
}
