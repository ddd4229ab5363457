import { z } from 'zod';

/** Every list endpoint is paginated: ?page=1&pageSize=20 (at most 200 a page). */
export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export type PageQuery = z.infer<typeof pageQuery>;

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const limitOffset = (p: PageQuery) => ({ limit: p.pageSize, offset: (p.page - 1) * p.pageSize });
