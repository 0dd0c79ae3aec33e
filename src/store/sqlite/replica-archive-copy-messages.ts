import type { ReplicaArchiveCopy } from './write-replica-archive-copy.js';

/** What the copying thread is given: the replica's file, and where the copy goes. */
export interface ReplicaArchiveCopyRequest {
  source: string;
  destination: string;
}

/** What it answers: the copy, or why the replica cannot seed (`ReplicaNotSeedableError`'s reason), or another error. */
export type ReplicaArchiveCopyReply = { ok: true; copy: ReplicaArchiveCopy } | { ok: false; notSeedable: string } | { ok: false; notSeedable: null; name: string; message: string };
