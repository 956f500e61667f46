// `pg`'s value serializer, which @types/pg does not declare (pg-array.ts).
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): unknown };
  export default utils;
}
