/**
 * The archive's cross-process write lock. Mutual exclusion comes from an exclusive SQLite lock on
 * a small lock file: the operating system releases it when the holder exits or is killed, so a
 * dead holder can never leave a stale lock behind and a reused pid cannot fool a waiter. The
 * holder's pid sits beside it in `<lock>.json`, only to tell waiting processes whom they wait for.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { writeFileAtomic } from './write-file-atomic.js';

/** Who holds the lock, as recorded in `<lock>.json` (may be missing for a moment after the lock is taken). */
export interface WriteLockHolder {
  pid: number;
  /** What the holder is doing, e.g. "ingest". */
  purpose: string;
  /** ISO time the lock was taken. */
  since: string;
}

/** A held lock; `release` is idempotent. */
export interface WriteLock {
  readonly file: string;
  release(): void;
}

export interface AcquireWriteLockOptions {
  /** The lock file (created with its folder when absent). */
  file: string;
  /** What this process will do while holding it, shown to waiting processes. */
  purpose: string;
  /** Called when the lock is busy, once per holder seen (null when the holder has not recorded itself yet). */
  onWait?: (holder: WriteLockHolder | null) => void;
  /** Milliseconds between attempts while waiting. Default 100. */
  pollMs?: number;
  /** Stops waiting (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** Raised when the lock is still busy after the allowed wait. */
export class WriteLockBusyError extends Error {
  readonly file: string;
  readonly holder: WriteLockHolder | null;
  constructor(file: string, holder: WriteLockHolder | null) {
    const who = holder ? `process ${holder.pid} (${holder.purpose}, since ${holder.since})` : 'another process';
    super(`the archive is being written by ${who}; the write lock ${file} is busy. Run the command again when it has finished`);
    this.name = 'WriteLockBusyError';
    this.file = file;
    this.holder = holder;
  }
}

const DEFAULT_POLL_MS = 100;

/** Waits (without blocking the event loop) until the write lock is free, then takes it. */
export async function acquireWriteLock(options: AcquireWriteLockOptions): Promise<WriteLock> {
  let lastHolderPid: number | null | undefined;
  for (;;) {
    options.signal?.throwIfAborted();
    const lock = tryAcquireWriteLock(options.file, options.purpose);
    if (lock) return lock;
    const recorded = readWriteLockHolder(options.file);
    // A record left by a killed holder names a dead process: the lock itself was freed with it.
    const holder = recorded && isAlive(recorded.pid) ? recorded : null;
    const holderPid = holder?.pid ?? null;
    if (holderPid !== lastHolderPid) {
      lastHolderPid = holderPid;
      options.onWait?.(holder);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? DEFAULT_POLL_MS));
  }
}

/**
 * Takes the write lock if it is free, waiting at most `waitMs` (blocking: only for short
 * synchronous callers). Returns null when it stays busy.
 */
export function tryAcquireWriteLock(file: string, purpose: string, waitMs = 0): WriteLock | null {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const database = new Database(file);
  try {
    database.pragma(`busy_timeout = ${Math.max(0, Math.trunc(waitMs))}`);
    database.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    database.close();
    if ((error as { code?: unknown }).code === 'SQLITE_BUSY') return null;
    throw error;
  }
  const holder: WriteLockHolder = { pid: process.pid, purpose, since: new Date().toISOString() };
  writeFileAtomic(holderFile(file), `${JSON.stringify(holder)}\n`);
  let released = false;
  return {
    file,
    release: () => {
      if (released) return;
      released = true;
      // Removed while still holding the lock, so it never names a process that no longer holds it.
      fs.rmSync(holderFile(file), { force: true });
      database.exec('ROLLBACK');
      database.close();
    },
  };
}

/** The recorded holder of the lock, or null when none is recorded. */
export function readWriteLockHolder(file: string): WriteLockHolder | null {
  try {
    const value = JSON.parse(fs.readFileSync(holderFile(file), 'utf8')) as Partial<WriteLockHolder>;
    if (typeof value.pid !== 'number') return null;
    return { pid: value.pid, purpose: String(value.purpose ?? 'write'), since: String(value.since ?? '') };
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderFile(file: string): string {
  return `${file}.json`;
}
