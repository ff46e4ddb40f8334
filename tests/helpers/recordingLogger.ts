/**
 * A real pino logger whose JSON lines are parsed into an array, for tests that assert what a
 * module logged (level 40 warn, 50 error) rather than how it logs.
 */
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';

/** The parsed lines every logged entry has; tests add the fields they read. */
export interface LoggedLine {
  level: number;
  msg: string;
}

/** A logger at level `info` and the lines it wrote so far, oldest first. */
export function recordingLogger<Line extends LoggedLine>(): { logger: Logger; logged: Line[] } {
  const logged: Line[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n')) {
          if (line) logged.push(JSON.parse(line) as Line);
        }
        done();
      },
    }),
  );
  return { logger, logged };
}
