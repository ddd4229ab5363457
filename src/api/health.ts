// Health for load balancers and supervisors. /api/health/live answers while the process runs (a
// supervisor restarts the process when it stops answering); /api/health is readiness: a real query
// (and, embedded, a write into the data folder) must succeed within a few seconds, otherwise 503
// with a coded body, and the balancer sends requests elsewhere until the database is back.
import type { App, Deps } from './context.ts';
import { errorBody } from './errors.ts';

export const HEALTH_TIMEOUT_MS = 5000;

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([p, late]).finally(() => clearTimeout(timer));
}

export function healthRoutes(app: App, deps: Deps, timeoutMs = HEALTH_TIMEOUT_MS): void {
  app.get('/api/health/live', { config: { permission: 'public' } }, async () => ({
    status: 'ok',
    version: deps.version,
  }));

  app.get('/api/health', { config: { permission: 'public' } }, async (req, reply) => {
    try {
      await withTimeout(deps.db.ping(), timeoutMs);
    } catch (e) {
      req.log.warn({ err: e }, 'health check failed');
      return reply.status(503).send(
        errorBody({
          code: 'DB_UNAVAILABLE',
          message:
            deps.db.engine === 'pglite'
              ? '数据库不可用：嵌入式数据库无法查询或数据目录不可写'
              : '数据库不可用：无法连接或查询 PostgreSQL',
          details: { engine: deps.db.engine, version: deps.version },
        }),
      );
    }
    return { status: 'ok', version: deps.version, engine: deps.db.engine };
  });
}
