// 通知公告 queries: an authority's own list, the files of many notices at once, and the published lists.
import { and, asc, count, desc, eq, ilike, inArray, like, sql, type SQL } from 'drizzle-orm';
import type { NoticeCategory, NoticeStatus } from '../../../common/schemas/notices.js';
import type { Database, Tx } from '../../db/client.js';
import { authorities, files, notices } from '../../db/schema/index.js';
import { escapeLike } from '../../lib/sql.js';

export type NoticeRow = typeof notices.$inferSelect;
export interface FileRef {
  id: string;
  name: string;
  size: number;
  mimeType: string;
  storageKey: string;
  slot: number;
}


export interface NoticeFilter {
  title?: string;
  category?: NoticeCategory;
  status?: NoticeStatus;
}

export async function listNotices(db: Database, authorityId: number, filter: NoticeFilter, page: number, pageSize: number) {
  const conditions: SQL[] = [eq(notices.authorityId, authorityId)];
  if (filter.title) conditions.push(ilike(notices.title, `%${escapeLike(filter.title)}%`));
  if (filter.category) conditions.push(eq(notices.category, filter.category));
  if (filter.status) conditions.push(eq(notices.status, filter.status));
  const where = and(...conditions);
  const [{ total }] = await db.select({ total: count() }).from(notices).where(where);
  const rows = await db
    .select()
    .from(notices)
    .where(where)
    .orderBy(desc(notices.publishedOn), desc(notices.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { rows, total };
}

/** The files of several notices in one query, grouped by notice id, in upload order. */
export async function filesOfNotices(db: Database | Tx, noticeIds: number[]): Promise<Map<number, FileRef[]>> {
  const byNotice = new Map<number, FileRef[]>(noticeIds.map((id) => [id, []]));
  if (noticeIds.length === 0) return byNotice;
  const rows = await db
    .select({ ownerId: files.ownerId, id: files.id, name: files.originalName, size: files.size, mimeType: files.mimeType, storageKey: files.storageKey, slot: files.slot })
    .from(files)
    .where(and(eq(files.ownerType, 'notice'), inArray(files.ownerId, noticeIds)))
    .orderBy(asc(files.slot), asc(files.createdAt));
  for (const { ownerId, ...file } of rows) byNotice.get(ownerId)?.push(file);
  return byNotice;
}

/**
 * Published notices of the authorities matched by `authorityWhere`, newest first. `perCategory` makes `limit` apply to
 * each category (one window query), for the three lists of the login page.
 */
export async function publishedNotices(
  db: Database,
  authorityWhere: SQL | undefined,
  options: { category?: NoticeCategory; limit: number; perCategory: boolean },
) {
  const conditions: SQL[] = [eq(notices.status, 'published')];
  if (authorityWhere) conditions.push(authorityWhere);
  if (options.category) conditions.push(eq(notices.category, options.category));
  const columns = {
    id: notices.id,
    category: notices.category,
    title: notices.title,
    publishedOn: notices.publishedOn,
    authorityName: authorities.name,
  };
  if (!options.perCategory) {
    return db
      .select(columns)
      .from(notices)
      .innerJoin(authorities, eq(authorities.id, notices.authorityId))
      .where(and(...conditions))
      .orderBy(desc(notices.publishedOn), desc(notices.id))
      .limit(options.limit);
  }
  const ranked = db
    .select({
      ...columns,
      rank: sql<number>`row_number() over (partition by ${notices.category} order by ${notices.publishedOn} desc, ${notices.id} desc)`.as('rank'),
    })
    .from(notices)
    .innerJoin(authorities, eq(authorities.id, notices.authorityId))
    .where(and(...conditions))
    .as('ranked');
  return db
    .select({ id: ranked.id, category: ranked.category, title: ranked.title, publishedOn: ranked.publishedOn, authorityName: ranked.authorityName })
    .from(ranked)
    .where(sql`${ranked.rank} <= ${options.limit}`)
    .orderBy(desc(ranked.publishedOn), desc(ranked.id));
}

/** Authorities of a province: their region codes share its first two digits. */
export const authoritiesOfProvince = (provinceCode: string) => like(authorities.regionCode, `${provinceCode.slice(0, 2)}%`);

/** The authorities above an institution: its province, city and district (whichever exist). */
export const authoritiesAbove = (regionCode: string) =>
  inArray(authorities.regionCode, [...new Set([`${regionCode.slice(0, 2)}0000`, `${regionCode.slice(0, 4)}00`, regionCode])]);
