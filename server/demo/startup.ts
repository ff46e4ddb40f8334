/**
 * `DEMO=1 npm start`: seeds the demo network before the first request when the database is
 * empty, and says so in the log when it is not (the normal case on every later start).
 */
import type { Logger } from '../logger';
import type { Storage } from '../storage/types';
import { formatCredentials, seedDemo } from './seedDemo';

/** Seeds if empty; the passwords go to `write` (stdout) once, never to the structured log. */
export async function seedDemoAtStartup(input: {
  storage: Storage;
  logger: Logger;
  write?: (text: string) => void;
}): Promise<void> {
  const write = input.write ?? ((text: string) => process.stdout.write(text));
  const result = await seedDemo({ storage: input.storage });
  if (!result.isSeeded) {
    input.logger.info(
      { reason: result.reason },
      'DEMO=1: demo data not added (database not empty)',
    );
    return;
  }
  input.logger.info(
    { workspaceId: result.workspace.id, documents: result.documents.length },
    'DEMO=1: seeded the CLIP demo network',
  );
  write(formatCredentials(result.credentials));
}
