// A list page's filters kept in the URL, so a reload or a back-navigation shows the same list.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type Paging, toQuery, withChange } from './reference-query.ts';

export function useUrlFilters<F extends Paging>(parse: (p: URLSearchParams) => F) {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parse(params), [params, parse]);
  const update = useCallback(
    (change: Partial<F>) => {
      const next = withChange(filters, change);
      setParams(toQuery(next as unknown as Record<string, string | number | undefined>));
    },
    [filters, setParams],
  );
  return [filters, update] as const;
}
