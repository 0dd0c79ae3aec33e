import { Worker } from 'node:worker_threads';
import { builtThreadScript } from '../../threads/built-thread-script.js';
import type { ReplicaArchiveCopyReply, ReplicaArchiveCopyRequest } from './replica-archive-copy-messages.js';
import { ReplicaNotSeedableError, type ReplicaArchiveCopy } from './write-replica-archive-copy.js';

/**
 * `writeReplicaArchiveCopy` on a worker thread with a read-only connection of its own, so the process keeps answering
 * while a large archive is copied. The copy is one read transaction of the file as committed when it starts: the
 * caller keeps the replica from changing until it resolves (see `ReplicaFollower.withoutChanges`), so the copy and
 * the vector index saved beside it reflect the same position. Rejects with `ReplicaNotSeedableError` as the
 * synchronous copy does.
 */
export function copyReplicaArchive(source: string, destination: string): Promise<ReplicaArchiveCopy> {
  const request: ReplicaArchiveCopyRequest = { source, destination };
  return new Promise((resolve, reject) => {
    const worker = new Worker(builtThreadScript(import.meta.url, 'replica-archive-copy-thread.js'), { workerData: request });
    let settled = false;
    worker.once('message', (reply: ReplicaArchiveCopyReply) => {
      settled = true;
      if (reply.ok) resolve(reply.copy);
      else if (reply.notSeedable !== null) reject(new ReplicaNotSeedableError(reply.notSeedable));
      else reject(Object.assign(new Error(reply.message), { name: reply.name }));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the replica copy's thread ended (exit code ${code}) without copying`));
    });
  });
}
