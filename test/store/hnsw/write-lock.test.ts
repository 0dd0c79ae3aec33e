import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireWriteLock, readWriteLockHolder, tryAcquireWriteLock, type WriteLockHolder } from '../../../src/store/hnsw/write-lock.js';
import { PROJECT_ROOT } from '../../helpers/run-cli.js';

function lockFile(): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-lock-')), 'write.lock');
}

describe('write lock', () => {
  it('is exclusive, records its holder, and passes to a waiter on release', async () => {
    const file = lockFile();
    const first = tryAcquireWriteLock(file, 'ingest');
    expect(first).not.toBeNull();
    expect(readWriteLockHolder(file)).toMatchObject({ pid: process.pid, purpose: 'ingest' });
    expect(tryAcquireWriteLock(file, 'remove')).toBeNull();

    const seen: (WriteLockHolder | null)[] = [];
    let acquired = false;
    const second = acquireWriteLock({ file, purpose: 'index', pollMs: 10, onWait: (holder) => seen.push(holder) }).then((lock) => {
      acquired = true;
      return lock;
    });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(acquired).toBe(false);
    expect(seen).toEqual([expect.objectContaining({ pid: process.pid, purpose: 'ingest' })]);

    first!.release();
    const lock = await second;
    expect(readWriteLockHolder(file)).toMatchObject({ purpose: 'index' });
    lock.release();
    expect(readWriteLockHolder(file)).toBeNull();
  });

  it('is freed when its holder process is killed (no stale lock)', async () => {
    const file = lockFile();
    const holder = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { tryAcquireWriteLock } from './dist/store/hnsw/write-lock.js';
         if (!tryAcquireWriteLock(${JSON.stringify(file)}, 'ingest')) process.exit(3);
         process.stdout.write('held\\n');
         setInterval(() => {}, 1000);`,
      ],
      { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => holder.once('exit', resolve));
    await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
    const seen: (WriteLockHolder | null)[] = [];
    const waiting = acquireWriteLock({ file, purpose: 'ingest', pollMs: 10, onWait: (who) => seen.push(who) });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen[0]).toMatchObject({ pid: holder.pid });

    holder.kill('SIGKILL');
    await exited;
    const lock = await waiting;
    expect(readWriteLockHolder(file)).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
