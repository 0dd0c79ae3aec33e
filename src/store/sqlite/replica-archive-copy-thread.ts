// Entry of the worker thread that writes a replica seed's SQLite copy (`copyReplicaArchive`): `VACUUM INTO` and
// emptying the reader tables take seconds on a large archive, and here they hold this thread, not the process's
// event loop. One copy per thread; the thread ends after replying.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { ReplicaArchiveCopyReply, ReplicaArchiveCopyRequest } from './replica-archive-copy-messages.js';
import { ReplicaNotSeedableError, writeReplicaArchiveCopy } from './write-replica-archive-copy.js';

const port = parentPort;
if (port === null) throw new Error('replica-archive-copy-thread.js runs as a worker thread (copyReplicaArchive starts it)');
const { source, destination } = workerData as ReplicaArchiveCopyRequest;
let reply: ReplicaArchiveCopyReply;
try {
  const database = new Database(source, { readonly: true, fileMustExist: true });
  try {
    reply = { ok: true, copy: writeReplicaArchiveCopy(database, destination) };
  } finally {
    database.close();
  }
} catch (error) {
  if (error instanceof ReplicaNotSeedableError) reply = { ok: false, notSeedable: error.reason };
  else reply = { ok: false, notSeedable: null, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) };
}
port.postMessage(reply);
