// The key of reader hashes is never in the database: QUESTION_LOG_SECRET, or a 0600 file beside the database; a secret
// an earlier version kept in the database is moved out of it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveQuestionLogSecret } from '../../src/question-log/resolve-question-log-secret.js';
import { createLogger } from '../../src/log/logger.js';
import { openSqliteDatabase } from '../../src/store/sqlite/open-sqlite-database.js';
import { SqliteQuestionLogStore } from '../../src/store/sqlite/sqlite-question-log-store.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function setup(legacy: string | null) {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-secret-'));
  folders.push(folder);
  const database = openSqliteDatabase(path.join(folder, 'newsbot.db'));
  if (legacy !== null) database.prepare('INSERT INTO question_log_secret (id, secret) VALUES (1, ?)').run(legacy);
  const options = { secretFile: path.join(folder, 'question-log.secret'), store: new SqliteQuestionLogStore(database), logger: createLogger('silent') };
  const storedSecrets = () => database.prepare('SELECT COUNT(*) AS count FROM question_log_secret').get() as { count: number };
  return { folder, database, options, storedSecrets };
}

describe('resolveQuestionLogSecret', () => {
  it('generates a secret into a file only its owner can read, and keeps it across starts', async () => {
    const { options, storedSecrets, database } = setup(null);
    const secret = await resolveQuestionLogSecret({ ...options, configured: null });
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.statSync(options.secretFile).mode & 0o777).toBe(0o600);
    expect(await resolveQuestionLogSecret({ ...options, configured: null })).toBe(secret);
    expect(storedSecrets().count).toBe(0);
    database.close();
  });

  it('moves a secret an earlier version kept in the database to the file, and deletes it from the database', async () => {
    const legacy = 'a-secret-generated-by-an-earlier-version';
    const { options, storedSecrets, folder, database } = setup(legacy);
    expect(await resolveQuestionLogSecret({ ...options, configured: null })).toBe(legacy);
    expect(fs.readFileSync(options.secretFile, 'utf8').trim()).toBe(legacy);
    expect(storedSecrets().count).toBe(0);
    database.pragma('wal_checkpoint(TRUNCATE)');
    database.close();
    // Not readable in the file either (secure_delete).
    expect(fs.readFileSync(path.join(folder, 'newsbot.db')).includes(Buffer.from(legacy))).toBe(false);
  });

  it('with QUESTION_LOG_SECRET set, uses it, writes no file, and deletes a stored one', async () => {
    const { options, storedSecrets, database } = setup('an-older-generated-secret-value');
    expect(await resolveQuestionLogSecret({ ...options, configured: 'configured-secret-of-the-deployment' })).toBe('configured-secret-of-the-deployment');
    expect(fs.existsSync(options.secretFile)).toBe(false);
    expect(storedSecrets().count).toBe(0);
    database.close();
  });

  it('makes a secret file readable by others private again', async () => {
    const { options, database } = setup(null);
    fs.writeFileSync(options.secretFile, 'a-secret-written-by-hand-1234567\n', { mode: 0o644 });
    fs.chmodSync(options.secretFile, 0o644);
    expect(await resolveQuestionLogSecret({ ...options, configured: null })).toBe('a-secret-written-by-hand-1234567');
    expect(fs.statSync(options.secretFile).mode & 0o777).toBe(0o600);
    database.close();
  });
});
