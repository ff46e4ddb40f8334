/** Structured logging (pino). One logger per server instance; children per module. */
import { pino, type Logger } from 'pino';
import type { Config } from './env';

export type { Logger };

export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
  });
}
