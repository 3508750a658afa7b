/** Which database the server tests run on: PGlite always; PostgreSQL when TEST_DB=postgres and TEST_DATABASE_URL are set. */
export function testDatabaseKind(): 'pglite' | 'postgres' {
  return process.env.TEST_DB === 'postgres' && process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
}

/** The URL of another database on the same server as TEST_DATABASE_URL. */
export function databaseUrlFor(name: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${name}`;
  return url.toString();
}
