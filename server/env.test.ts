/** Settings read from the environment: the collab limits, MONGODB_REQUIRE_TRANSACTIONS and mail (with the digest delay). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_COLLAB_OPTIONS } from './collab/options';
import { ConfigError, loadConfig } from './env';

const BASE = { SESSION_SECRET: 'x'.repeat(40), DATA_DIR: './data-env-test-unused' };

describe('collab limits from the environment', () => {
  it('default to the collab server defaults', () => {
    expect(loadConfig(BASE).collabLimits).toEqual({
      maxMessageBytes: DEFAULT_COLLAB_OPTIONS.maxMessageBytes,
      maxDocBytes: DEFAULT_COLLAB_OPTIONS.maxDocBytes,
      maxConnectionsPerDocument: DEFAULT_COLLAB_OPTIONS.maxConnectionsPerDocument,
      maxConnectionsPerUser: DEFAULT_COLLAB_OPTIONS.maxConnectionsPerUser,
    });
  });

  it('take the values set', () => {
    const config = loadConfig({
      ...BASE,
      COLLAB_MAX_MESSAGE_BYTES: '65536',
      COLLAB_MAX_DOC_BYTES: '2097152',
      COLLAB_MAX_CONNECTIONS_PER_DOC: '20',
      COLLAB_MAX_CONNECTIONS_PER_USER: '3',
    });
    expect(config.collabLimits).toEqual({
      maxMessageBytes: 65536,
      maxDocBytes: 2097152,
      maxConnectionsPerDocument: 20,
      maxConnectionsPerUser: 3,
    });
  });

  it('refuse nonsense', () => {
    expect(() => loadConfig({ ...BASE, COLLAB_MAX_CONNECTIONS_PER_USER: '0' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({ ...BASE, COLLAB_MAX_DOC_BYTES: 'lots' })).toThrow(ConfigError);
  });
});

describe('MONGODB_REQUIRE_TRANSACTIONS', () => {
  const production = { ...BASE, NODE_ENV: 'production', PUBLIC_URL: 'https://clip.example.org' };

  it('requires transactions in production and not elsewhere, unless set', () => {
    expect(loadConfig(production).mongodbRequireTransactions).toBe(true);
    expect(loadConfig(BASE).mongodbRequireTransactions).toBe(false);
    expect(loadConfig({ ...BASE, NODE_ENV: 'test' }).mongodbRequireTransactions).toBe(false);
    expect(
      loadConfig({ ...production, MONGODB_REQUIRE_TRANSACTIONS: 'false' })
        .mongodbRequireTransactions,
    ).toBe(false);
    expect(
      loadConfig({ ...BASE, MONGODB_REQUIRE_TRANSACTIONS: 'true' }).mongodbRequireTransactions,
    ).toBe(true);
  });

  it('refuses a value that is not a yes or a no', () => {
    expect(() => loadConfig({ ...BASE, MONGODB_REQUIRE_TRANSACTIONS: 'maybe' })).toThrow(
      ConfigError,
    );
  });
});

describe('SMTP_URL and MAIL_FROM', () => {
  it('default to logging mail instead of sending it', () => {
    expect(loadConfig(BASE).mail).toEqual({
      smtpUrl: null,
      from: 'CLIP Workspace <no-reply@localhost>',
      digestDelayMs: 15 * 60 * 1000,
    });
  });

  it('take an SMTP address or the JSON transport', () => {
    const smtp = 'smtps://mailer:pw@smtp.example.org:465';
    expect(
      loadConfig({ ...BASE, SMTP_URL: smtp, MAIL_FROM: 'CLIP <clip@example.org>' }).mail,
    ).toMatchObject({ smtpUrl: smtp, from: 'CLIP <clip@example.org>' });
    expect(loadConfig({ ...BASE, SMTP_URL: 'json:' }).mail.smtpUrl).toBe('json:');
  });

  it('take the digest delay in seconds, at least 1, at most a week', () => {
    const delay = (value: string) =>
      loadConfig({ ...BASE, NOTIFICATION_EMAIL_DELAY_SECONDS: value }).mail.digestDelayMs;
    expect(delay('1')).toBe(1000);
    expect(delay('604800')).toBe(604_800_000);
    for (const bad of ['0', '-5', '1.5', 'soon', '604801']) {
      expect(() => delay(bad)).toThrow(ConfigError);
    }
  });

  it('refuse an address that is not SMTP', () => {
    expect(() => loadConfig({ ...BASE, SMTP_URL: 'http://smtp.example.org' })).toThrow(ConfigError);
    expect(() => loadConfig({ ...BASE, SMTP_URL: 'smtp://' })).toThrow(ConfigError);
  });
});
