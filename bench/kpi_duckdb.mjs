// DuckDB's side of bench/kpi.sh: runs bench/kpi.sql on the contact CSV with
// 2 threads. Usage: node bench/kpi_duckdb.mjs CSV OUT_QUEUE OUT_AGENT
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';

const [csv, outQueue, outAgent] = process.argv.slice(2);
const sql = readFileSync(new URL('./kpi.sql', import.meta.url), 'utf8')
  .replaceAll('{{CSV}}', csv)
  .replaceAll('{{OUT_QUEUE}}', outQueue)
  .replaceAll('{{OUT_AGENT}}', outAgent);
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const connection = await instance.connect();
await connection.run(sql);
connection.closeSync();
