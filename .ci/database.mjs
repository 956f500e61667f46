// create|drop a database on the local PostgreSQL (PG* environment variables).
import pg from 'pg';

const [action, name] = process.argv.slice(2);
if (!/^[a-z0-9_]+$/.test(name ?? '')) throw new Error(`bad database name: ${name}`);
const client = new pg.Client({ database: 'postgres' });
await client.connect();
await client.query(action === 'create' ? `create database ${name}` : `drop database if exists ${name} with (force)`);
await client.end();
