/*
 * What the portal's benchmarks share: percentiles of samples and a client of
 * the local PostgreSQL server. Bench code only.
 */
import pg from 'pg';

/** The p-th percentile (nearest rank) of the samples. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[
    Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  ];
}

/** A client of the local PostgreSQL server (not yet connected), on `database`. */
export function postgresClient(database: string = 'postgres'): pg.Client {
  return new pg.Client({
    host: '127.0.0.1',
    port: 5432,
    user: 'postgres',
    database,
  });
}
