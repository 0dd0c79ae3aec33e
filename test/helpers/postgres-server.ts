// A real PostgreSQL for integration tests: the launcher lives beside the scale-out bench, which starts one too.
export { startPostgresServer, type PostgresServer } from '../../src/bench/scale-out/start-postgres-server.js';
