import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from './client.js';
import { insertUnnest, type BulkColumn } from './bulk.js';
import { openTestDatabase } from '../test-support/database.js';

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await openTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function rows<T>(query: SQL): Promise<T[]> {
  return ((await handle.db.execute(query)) as unknown as { rows: T[] }).rows;
}
async function countOf(table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(sql`select count(*)::int as n from ${sql.raw(`"${table}"`)}`);
  return row.n;
}
/** A fresh test table per test: text, int4, date and bool columns, a unique key, a serial id. */
async function createTable(name: string): Promise<string> {
  await handle.db.execute(
    sql.raw(`create table "${name}" (
      id serial primary key,
      code text not null unique,
      name text,
      qty int4,
      born date,
      active bool
    )`),
  );
  return name;
}
interface Row {
  id: number;
  code: string;
  name: string | null;
  qty: number | null;
  born: string | null;
  active: boolean | null;
}
const selectAll = (table: string) =>
  rows<Row>(sql`select id, code, name, qty, born::text as born, active from ${sql.raw(`"${table}"`)} order by id`);

function columnsFor(items: Array<Omit<Row, 'id'>>): BulkColumn[] {
  return [
    { name: 'code', type: 'text', values: items.map((r) => r.code) },
    { name: 'name', type: 'text', values: items.map((r) => r.name) },
    { name: 'qty', type: 'int4', values: items.map((r) => r.qty) },
    { name: 'born', type: 'date', values: items.map((r) => r.born) },
    { name: 'active', type: 'bool', values: items.map((r) => r.active) },
  ];
}

describe('insertUnnest', () => {
  it('inserts 2,000 rows in one call with nulls, dates, booleans and Chinese text intact', async () => {
    const table = await createTable('bulk_many');
    const items = Array.from({ length: 2000 }, (_, i) => ({
      code: `C${String(i).padStart(5, '0')}`,
      name: i % 13 === 0 ? null : `医师${i}号（主任医师）`,
      qty: i % 7 === 0 ? null : i * 3 - 1000,
      born: i % 5 === 0 ? null : `19${String(50 + (i % 50)).padStart(2, '0')}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
      active: i % 11 === 0 ? null : i % 2 === 0,
    }));

    const result = await insertUnnest(handle.db, table, columnsFor(items));
    expect(result).toEqual([]);
    expect(await countOf(table)).toBe(2000);

    const stored = await selectAll(table);
    expect(stored.map(({ id: _id, ...rest }) => rest)).toEqual(items);

    // spot checks a reviewer would read
    const byCode = new Map(stored.map((r) => [r.code, r]));
    expect(byCode.get('C01234')).toMatchObject({ name: '医师1234号（主任医师）', qty: 2702, born: '1984-11-03', active: true });
    expect(byCode.get('C00000')).toMatchObject({ name: null, qty: null, born: null, active: null });
    expect(byCode.get('C00035')).toMatchObject({ name: '医师35号（主任医师）', qty: null, born: null, active: false });
    expect(byCode.get('C01999')).toMatchObject({ qty: 4997, born: '1999-08-12', active: false });
  });

  it('keeps awkward text values exactly, including the word NULL, quotes, commas and braces', async () => {
    const table = await createTable('bulk_text');
    const names = ['NULL', 'null', '', ' 前后空格 ', 'a,b', '{x}', 'say "hi"', 'back\\slash', "O'Brien", '换\n行', '😀 emoji'];
    const items = names.map((name, i) => ({ code: `T${i}`, name, qty: -2147483648 + i, born: '2000-02-29', active: true }));
    await insertUnnest(handle.db, table, columnsFor(items));
    const stored = await selectAll(table);
    expect(stored.map((r) => r.name)).toEqual(names);
    expect(stored[0].qty).toBe(-2147483648);
    expect(stored.every((r) => r.born === '2000-02-29')).toBe(true);
  });

  it("returns the ids of `returning: 'id'` in input order", async () => {
    const table = await createTable('bulk_returning');
    const codes = ['Z9', 'A1', 'M5', '中文', 'B2'];
    const items = codes.map((code) => ({ code, name: null, qty: null, born: null, active: null }));
    const ids = await insertUnnest<{ id: number }>(handle.db, table, columnsFor(items), { returning: 'id' });
    expect(ids).toHaveLength(codes.length);
    const codeById = new Map((await selectAll(table)).map((r) => [r.id, r.code]));
    expect(ids.map((r) => codeById.get(r.id))).toEqual(codes);
  });

  it('returns several columns when asked', async () => {
    const table = await createTable('bulk_returning_many');
    const items = [
      { code: 'R1', name: '甲', qty: 1, born: null, active: true },
      { code: 'R2', name: '乙', qty: 2, born: null, active: false },
    ];
    const result = await insertUnnest<{ id: number; code: string; qty: number }>(handle.db, table, columnsFor(items), {
      returning: 'id, code, qty',
    });
    expect(result.map((r) => [r.code, r.qty])).toEqual([
      ['R1', 1],
      ['R2', 2],
    ]);
    expect(result[0].id).not.toBe(result[1].id);
  });

  it('skips rows that collide with the unique key under onConflictDoNothing, leaving the stored rows alone', async () => {
    const table = await createTable('bulk_conflict');
    await insertUnnest(handle.db, table, columnsFor([
      { code: 'A', name: '原值A', qty: 1, born: null, active: true },
      { code: 'B', name: '原值B', qty: 2, born: null, active: true },
    ]));

    const inserted = await insertUnnest<{ id: number }>(
      handle.db,
      table,
      columnsFor([
        { code: 'A', name: '新值A', qty: 10, born: null, active: false },
        { code: 'C', name: '新值C', qty: 30, born: null, active: false },
        { code: 'B', name: '新值B', qty: 20, born: null, active: false },
        { code: 'D', name: '新值D', qty: 40, born: null, active: false },
      ]),
      { onConflictDoNothing: true, returning: 'id' },
    );

    expect(inserted).toHaveLength(2);
    const stored = await selectAll(table);
    expect(stored.map((r) => [r.code, r.name, r.qty])).toEqual([
      ['A', '原值A', 1],
      ['B', '原值B', 2],
      ['C', '新值C', 30],
      ['D', '新值D', 40],
    ]);
    const codeById = new Map(stored.map((r) => [r.id, r.code]));
    expect(inserted.map((r) => codeById.get(r.id))).toEqual(['C', 'D']);
  });

  it('keeps the first of two duplicates within one batch under onConflictDoNothing', async () => {
    const table = await createTable('bulk_conflict_batch');
    await insertUnnest(handle.db, table, columnsFor([
      { code: 'X', name: '第一', qty: 1, born: null, active: null },
      { code: 'X', name: '第二', qty: 2, born: null, active: null },
      { code: 'Y', name: '另一', qty: 3, born: null, active: null },
    ]), { onConflictDoNothing: true });
    expect((await selectAll(table)).map((r) => [r.code, r.name])).toEqual([
      ['X', '第一'],
      ['Y', '另一'],
    ]);
  });

  it('fails on a duplicate without onConflictDoNothing, inserting none of the batch', async () => {
    const table = await createTable('bulk_conflict_strict');
    await insertUnnest(handle.db, table, columnsFor([{ code: 'A', name: null, qty: null, born: null, active: null }]));
    await expect(
      insertUnnest(handle.db, table, columnsFor([
        { code: 'B', name: null, qty: null, born: null, active: null },
        { code: 'A', name: null, qty: null, born: null, active: null },
      ])),
    ).rejects.toThrow();
    expect((await selectAll(table)).map((r) => r.code)).toEqual(['A']);
  });

  it('throws when the columns differ in length, inserting nothing', async () => {
    const table = await createTable('bulk_mismatch');
    await expect(
      insertUnnest(handle.db, table, [
        { name: 'code', type: 'text', values: ['A', 'B', 'C'] },
        { name: 'qty', type: 'int4', values: [1, 2] },
      ]),
    ).rejects.toThrow('insertUnnest: columns differ in length');
    await expect(
      insertUnnest(handle.db, table, [
        { name: 'code', type: 'text', values: ['A'] },
        { name: 'qty', type: 'int4', values: [1, 2] },
      ]),
    ).rejects.toThrow('insertUnnest: columns differ in length');
    expect(await countOf(table)).toBe(0);
  });

  it('does nothing and returns [] for zero rows', async () => {
    const table = await createTable('bulk_empty');
    expect(await insertUnnest(handle.db, table, columnsFor([]), { returning: 'id' })).toEqual([]);
    expect(await insertUnnest(handle.db, table, [])).toEqual([]);
    expect(await countOf(table)).toBe(0);
  });

  it('writes inside a transaction and is rolled back with it', async () => {
    const table = await createTable('bulk_tx');
    await expect(
      handle.db.transaction(async (tx) => {
        await insertUnnest(tx, table, columnsFor([{ code: 'T1', name: '事务', qty: 1, born: null, active: true }]));
        const [row] = ((await tx.execute(sql.raw(`select count(*)::int as n from "${table}"`))) as unknown as { rows: { n: number }[] }).rows;
        expect(row.n).toBe(1);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await countOf(table)).toBe(0);
  });
});
