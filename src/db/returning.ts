/**
 * The id an `INSERT … RETURNING id` written with raw SQL gave back. An insert that returns no row
 * is a broken statement, not a case to handle: it throws.
 */
export function returnedId(rows: readonly { id: number }[]): number {
  const row = rows[0];
  if (!row) throw new Error('INSERT … RETURNING id returned no row');
  return row.id;
}
