// Follows one import job: polls it while it is queued or running (the server answers progress
// from memory), stops once it has finished.
import { useEffect, useState } from 'react';
import { ApiError, api } from '../../lib/api.ts';
import { type ImportJob, isFinished } from './import-logic.ts';

const POLL_MS = 400;

export function useJob(id: number | null): { job: ImportJob | null; error: ApiError | null } {
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    setJob(null);
    setError(null);
    if (id === null) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const j = await api.get<ImportJob>(`/api/import/jobs/${id}`);
        if (!live) return;
        setJob(j);
        if (!isFinished(j)) timer = setTimeout(tick, POLL_MS);
      } catch (e) {
        if (live)
          setError(e instanceof ApiError ? e : new ApiError(0, { code: 'UNKNOWN', message: String(e) }));
      }
    };
    void tick();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id]);

  return { job, error };
}
