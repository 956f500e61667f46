// The database's own share of 批量导入医师: `rows` copies of existing physicians (new ids and blind indexes) written
// with one INSERT … SELECT each into physicians and accounts — every index, foreign key and trigger of the real
// import, none of its reading, checking, encryption or round trips — then rolled back. PostgreSQL only.
import { sql } from 'drizzle-orm';
import { loadConfig } from '../../server/config.js';
import { openRuntime } from '../../server/runtime.js';

const COLUMNS = `institution_id, department_id, name, sex, birth_date, id_type, id_number_cipher, id_number_hash, id_number_tail_hash,
  id_number_masked, ethnicity, education, email, mobile, practice_category, practice_scope, physician_level, title, title_date, position,
  position_date, resident_trainee, license_number, license_date, qualification_number, qualification_date, first_registration_date`;

export async function insertAnchor(rows: number): Promise<{ ms: number; rows: number }> {
  const runtime = await openRuntime(loadConfig(process.env));
  try {
    let ms = 0;
    await runtime.database.db
      .transaction(async (tx) => {
        await tx.execute(sql`create temp table anchor_rows on commit drop as select * from physicians order by id desc limit ${rows}`);
        await tx.execute(
          sql`update anchor_rows set id = nextval(pg_get_serial_sequence('physicians', 'id')), id_number_hash = md5(random()::text) || md5(random()::text), id_number_tail_hash = md5(random()::text)`,
        );
        const started = performance.now();
        await tx.execute(sql.raw(`insert into physicians (id, ${COLUMNS}) select id, ${COLUMNS} from anchor_rows`));
        await tx.execute(sql`insert into accounts (kind, physician_id) select 'physician', id from anchor_rows`);
        ms = performance.now() - started;
        tx.rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === 'Rollback')) throw error;
      });
    return { ms, rows };
  } finally {
    await runtime.close();
  }
}
