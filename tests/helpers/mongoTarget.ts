/**
 * Which MongoDB a test file runs against, and what it is: MONGODB_URI when it is set, else
 * the emulator (tests/mongoEmulator) started for the file when this machine can run it, else
 * none (the file says so in one line and skips). A suite prints the description, so a run
 * always says what it tested: "contract against a mongomock emulator" is not "against MongoDB".
 */
import mongoose from 'mongoose';
import { describeMongoUri } from '../../server/storage/mongo';
import { supportsTransactions, type HelloAnswer } from '../../server/storage/mongo/transactions';
import { isMongoEmulatorInstalled, startMongoEmulator } from './mongoEmulator';

/** A MongoDB to test against. */
export interface MongoTarget {
  uri: string;
  /** Short, for test names: `mongomock emulator` or `MongoDB 7.0.4`. */
  label: string;
  /** One line for the log: what it is, where, and whether it runs transactions. */
  description: string;
  isEmulator: boolean;
  hasTransactions: boolean;
  /** Stops what this helper started (nothing for MONGODB_URI). */
  stop(): Promise<void>;
}

/** What a server says about itself (`buildInfo`, `hello`). */
export async function probeMongoServer(uri: string): Promise<Omit<MongoTarget, 'uri' | 'stop'>> {
  const connection = await mongoose
    .createConnection(uri, { serverSelectionTimeoutMS: 5000 })
    .asPromise();
  try {
    const admin = connection.getClient().db('admin');
    const info = await admin.command({ buildInfo: 1 });
    const hello = (await admin.command({ hello: 1 })) as HelloAnswer;
    const hasTransactions = supportsTransactions(hello);
    const emulator = typeof info.clipEmulator === 'string' ? info.clipEmulator : null;
    const where = describeMongoUri(uri);
    const topology = hasTransactions
      ? `replica set ${String(hello.setName ?? 'mongos')}, transactions on`
      : 'standalone, no transactions';
    return emulator
      ? {
          label: 'mongomock emulator',
          description: `a mongomock emulator (${emulator}) at ${where}, ${topology}`,
          isEmulator: true,
          hasTransactions,
        }
      : {
          label: `MongoDB ${String(info.version)}`,
          description: `MongoDB ${String(info.version)} at ${where}, ${topology}`,
          isEmulator: false,
          hasTransactions,
        };
  } finally {
    await connection.close();
  }
}

/** The target for this test file, or why there is none. */
export async function openMongoTestTarget(): Promise<MongoTarget | { skipReason: string }> {
  const given = process.env.MONGODB_URI;
  if (given) return { uri: given, ...(await probeMongoServer(given)), stop: async () => {} };
  if (!isMongoEmulatorInstalled()) {
    return {
      skipReason:
        'MONGODB_URI is not set and /usr/bin/python3 lacks python3-mockupdb/python3-mongomock for the emulator',
    };
  }
  const emulator = await startMongoEmulator();
  try {
    return { uri: emulator.uri, ...(await probeMongoServer(emulator.uri)), stop: emulator.stop };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
