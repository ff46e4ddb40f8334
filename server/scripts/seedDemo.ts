/**
 * `npm run seed:demo`: adds the CLIP demo network to the configured database (DATA_DIR or
 * MONGODB_URI) when it is empty, and prints the demo accounts' passwords once.
 * Exit code 0 when seeded, 1 when the database was not empty (nothing changed) or on error.
 */
import { seedDemo, formatCredentials } from '../demo/seedDemo';
import { ConfigError, loadConfig } from '../env';
import { createLogger } from '../logger';
import { openStorage } from '../storage';

async function main(): Promise<number> {
  const config = loadConfig();
  const logger = createLogger({ logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel });
  const storage = await openStorage({ config, logger });
  try {
    const result = await seedDemo({ storage });
    if (!result.isSeeded) {
      process.stdout.write(
        `Demo data not added: ${result.reason}. The demo is only seeded into an empty database; nothing was changed.\n`,
      );
      return 1;
    }
    process.stdout.write(
      `Seeded the CLIP demo network: ${result.organizations.length} organisations, workspace "${result.workspace.name}" with ${result.documents.length} documents.\n`,
    );
    process.stdout.write(formatCredentials(result.credentials));
    return 0;
  } finally {
    await storage.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : String(error instanceof Error ? error.stack : error)}\n`,
    );
    process.exit(1);
  },
);
