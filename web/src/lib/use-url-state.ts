// A page's state (filters and paging) kept in the URL query, so a reload, a shared link or the back
// button shows the same list: read through `parse`, written through `toParams`.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export function useUrlState<S>(parse: (p: URLSearchParams) => S, toParams: (s: S) => Record<string, string>) {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => parse(params), [params, parse]);
  const set = useCallback((s: S) => setParams(toParams(s)), [setParams, toParams]);
  const reset = useCallback(() => setParams({}), [setParams]);
  return { value, set, reset, params };
}
