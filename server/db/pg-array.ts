// A column of values as one PostgreSQL array literal, made where the values are (e.g. a worker thread) so that only
// this one string crosses to the connection: `pg`'s own serializer, the one it applies to an array parameter.
import pgUtils from 'pg/lib/utils.js';

const prepareValue = pgUtils.prepareValue as (value: unknown) => string;

export interface PgArrayLiteral {
  literal: string;
  length: number;
}

export function pgArrayLiteral(values: readonly unknown[]): PgArrayLiteral {
  return { literal: prepareValue(values), length: values.length };
}
