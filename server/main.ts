/**
 * Process entry point for `npm start` / `npm run dev`: parse config, start, and shut down
 * gracefully on SIGTERM/SIGINT (stop accepting, flush every document, exit 0).
 */
import { ConfigError, loadConfig } from './env';
import { tuneHeapForManyDocuments } from './heapTuning';
import { createLogger } from './logger';
import { seedDemoAtStartup } from './demo/startup';
import { startServer } from './server';
import { openStorage } from './storage';

async function main(): Promise<void> {
  tuneHeapForManyDocuments();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(config);
  let server;
  try {
    const storage = await openStorage({ config, logger });
    // DEMO=1: fill an empty database before the first request can arrive.
    if (config.isDemo) await seedDemoAtStartup({ storage, logger });
    server = await startServer({ config, logger, storage });
  } catch (error) {
    logger.fatal({ err: error }, error instanceof Error ? error.message : 'startup failed');
    process.exit(1);
  }
  logger.info(
    { url: server.url, storage: server.storage.engine },
    `CLIP Workspace is listening on ${server.url}`,
  );

  const shutdown = (signal: string): void => {
    logger.info({ signal }, 'shutting down');
    server
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

void main();
