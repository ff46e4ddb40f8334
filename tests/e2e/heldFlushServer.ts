/**
 * A child process for the browser's crash story (`savedMeansStored.test.ts`): the test server
 * on `DATA_DIR` and `PORT`, serving the client build in `CLIENT_DIR`, with the collab writes
 * held back `HELD_FLUSH_MS`, so an edit is applied and sent to others well before it is
 * stored, and the parent can SIGKILL the process in between. Logs the line `spawnServer`
 * waits for.
 */
import { startTestServer } from '../helpers/server';

async function main(): Promise<void> {
  const { DATA_DIR, PORT, CLIENT_DIR, HELD_FLUSH_MS } = process.env;
  if (!DATA_DIR || !CLIENT_DIR) throw new Error('DATA_DIR and CLIENT_DIR are required');
  const server = await startTestServer(
    { PORT: PORT ?? '0' },
    {
      dataDir: DATA_DIR,
      clientDir: CLIENT_DIR,
      tuning: { collab: { flushDelayMs: Number(HELD_FLUSH_MS ?? 4000) } },
    },
  );
  process.stdout.write(`${JSON.stringify({ msg: 'listening', url: server.url })}\n`);
}

void main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
