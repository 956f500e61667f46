import { z } from 'zod';

/** Page sizes every list offers (server-side pagination). */
export const pageSizes = [10, 20, 50, 100] as const;

/** The `page` / `pageSize` query fields of every list; spread into a list's query schema. */
export const pageQueryFields = {
  page: z.coerce.number({ error: '页码须为正整数' }).int('页码须为正整数').min(1, '页码须为正整数').default(1),
  pageSize: z.coerce
    .number({ error: '每页条数只能为10、20、50或100' })
    .refine((n) => (pageSizes as readonly number[]).includes(n), '每页条数只能为10、20、50或100')
    .default(10),
};

export const pageQuerySchema = z.object(pageQueryFields);

/** The page a list shows. */
export interface Paging {
  page: number;
  pageSize: number;
}

/** One page of a list: the items, the total the filter matches, and the page asked for. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number(), page: z.number(), pageSize: z.number() });
