// Fingerprints of a PostgreSQL database for the restore drill: every base
// table's row count and a checksum that does not depend on row order.

/** A PostgreSQL identifier, quoted. */
export const quote = name => `"${name.replaceAll('"', '""')}"`;

/** Every base table's row count and an order-independent checksum. */
export async function fingerprint(client) {
  const { rows: tables } = await client.query(
    `select table_schema, table_name from information_schema.tables
      where table_type = 'BASE TABLE'
        and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`,
  );
  const result = {};
  for (const { table_schema: schema, table_name: table } of tables) {
    const { rows } = await client.query(
      `select count(*)::bigint as rows,
              coalesce(md5(string_agg(md5(t::text), '' order by md5(t::text))), '') as checksum
         from ${quote(schema)}.${quote(table)} t`,
    );
    result[`${schema}.${table}`] = {
      rows: Number(rows[0].rows),
      checksum: rows[0].checksum,
    };
  }
  return result;
}

/** What differs between a source's fingerprint and its restored copy's. */
export function compareFingerprints(source, restored) {
  const mismatches = [];
  for (const [table, want] of Object.entries(source)) {
    const got = restored[table];
    if (!got) mismatches.push(`${table}: missing after restore`);
    else if (got.rows !== want.rows)
      mismatches.push(`${table}: ${want.rows} rows, ${got.rows} restored`);
    else if (got.checksum !== want.checksum)
      mismatches.push(`${table}: checksum differs`);
  }
  for (const table of Object.keys(restored)) {
    if (!source[table]) mismatches.push(`${table}: not in the source`);
  }
  return mismatches;
}
