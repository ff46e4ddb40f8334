/**
 * The frame every browser story runs in: one real server with the built client, one
 * Chromium and a cast of people, started before the first step and closed after the last.
 * A failed step leaves a picture of every open page, so the failure can be seen, not guessed.
 */
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser } from './browser';
import { startE2eServer, type E2eServer } from './server';
import { createCast, prepareScreenshots } from './steps';

/** The running server and cast; read them only inside hooks and steps. */
export interface E2eStage {
  readonly server: E2eServer;
  readonly cast: ReturnType<typeof createCast>;
}

/**
 * Registers the stage's hooks in the calling `describe` and returns its parts. Call it before
 * the story's own `beforeAll`, which then runs after the stage is up.
 */
export function useE2eStage(): E2eStage {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  let cast: ReturnType<typeof createCast> | undefined;

  beforeAll(async () => {
    await prepareScreenshots();
    server = await startE2eServer();
    browser = await launchBrowser();
    cast = createCast({ browser, baseURL: server.url });
  });

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail') await cast?.snapshotAll(context.task.name);
  });

  afterAll(async () => {
    await cast?.closeAll();
    await browser?.close();
    await server?.close();
  });

  return {
    get server() {
      if (!server) throw new Error('The e2e stage is not started yet');
      return server;
    },
    get cast() {
      if (!cast) throw new Error('The e2e stage is not started yet');
      return cast;
    },
  };
}
