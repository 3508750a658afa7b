// Bulk rows for the benches: one statement per batch instead of one per row.

/** Inserts rows column by column: `columns` maps each column to its PostgreSQL array type. */
export async function insertColumns(db, table, columns, rows, batchSize = 20_000) {
  const names = Object.keys(columns);
  const list = names.map((n) => `"${n}"`).join(', ');
  const arrays = names.map((n, i) => `$${i + 1}::${columns[n]}[]`).join(', ');
  const statement = `insert into ${table} (${list}) select * from unnest(${arrays})`;
  for (let start = 0; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await db.query(
      statement,
      names.map((n) => batch.map((row) => row[n] ?? null)),
    );
  }
}

/** Columns of users and memberships as the benches' people are inserted. */
export const userColumns = {
  id: 'uuid',
  email: 'text',
  display_name: 'text',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
export const membershipColumns = {
  id: 'uuid',
  org_id: 'uuid',
  user_id: 'uuid',
  role: 'text',
  position: 'text',
  department_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};
