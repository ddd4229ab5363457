// Loading / error / data for one GET of the self-service API.
import { useCallback, useEffect, useState } from 'react';
import { errorText, mApi } from './m-api.ts';

export function useM<T>(path: string) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick re-runs the request
  useEffect(() => {
    let live = true;
    setError(null);
    mApi
      .get<T>(path)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(errorText(e)));
    return () => {
      live = false;
    };
  }, [path, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
