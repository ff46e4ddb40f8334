/** The HTTP API contract: request schemas (zod) and answer shapes. */
export * from './entities';
export * from './fields';
export * from './auth';
export * from './users';
export * from './organizations';
export * from './settings';
export * from './audit';
export * from './workspaces';
export * from './documents';
