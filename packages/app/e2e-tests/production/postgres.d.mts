import type { Client } from 'pg';

/** Opens a connection to one database of the local PostgreSQL. */
export function connectLocalPostgres(database: string): Promise<Client>;

/** Drops every database whose name starts with `prefix`; answers how many. */
export function dropDatabasesWithPrefix(prefix: string): Promise<number>;
