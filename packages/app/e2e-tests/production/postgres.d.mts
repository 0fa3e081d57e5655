import type { Client } from 'pg';

/** Opens a connection to one database of the local PostgreSQL. */
export function connectLocalPostgres(database: string): Promise<Client>;
