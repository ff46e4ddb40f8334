/** The HTTP API contract: request schemas (zod) and answer shapes. */
export * from './entities';
