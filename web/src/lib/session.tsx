// Who is logged in. Loaded once from /api/auth/me; a 401 anywhere sends the person to the login
// page with `next` set to where they were, and the login page brings them back.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setUnauthorizedHandler } from './api.ts';
import type { Staff as StaffRecord } from '../../../src/modules/accounts/contract.ts';

/** GET /api/auth/me: the staff record and whether their roles see ID and phone numbers in full. */
export interface Staff extends StaffRecord {
  fullPii: boolean;
  /** the permission codes the staff member's roles hold (the menu and buttons follow them) */
  permissions: string[];
}

interface SessionValue {
  staff: Staff | null;
  loading: boolean;
  /** why the person was sent to log in again (expired session), shown on the login page */
  expired: boolean;
  setStaff: (s: Staff | null) => void;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [staff, setStaffState] = useState<Staff | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    api
      .get<{ staff: Staff }>('/api/auth/me')
      .then((r) => setStaffState(r.staff))
      .catch(() => setStaffState(null))
      .finally(() => setLoading(false));
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      setStaffState((prev) => {
        if (prev) setExpired(true);
        return null;
      });
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const setStaff = useCallback((s: Staff | null) => {
    setExpired(false);
    setStaffState(s);
  }, []);

  const logout = useCallback(async () => {
    await api.post('/api/auth/logout').catch(() => undefined);
    setExpired(false);
    setStaffState(null);
  }, []);

  const value = useMemo(
    () => ({ staff, loading, expired, setStaff, logout }),
    [staff, loading, expired, setStaff, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The logged-in staff member; only for pages under the authenticated layout. */
export function useStaff(): Staff {
  const { staff } = useSession();
  if (!staff) throw new Error('useStaff without a session');
  return staff;
}
