/**
 * SQLite schema steps, applied in order, each in its own transaction; the
 * step's index + 1 becomes `PRAGMA user_version`. Append new steps at the
 * end; never edit one that has shipped.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
];
