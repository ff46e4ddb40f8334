/**
 * The one way the server sends e-mail (notification digests, invitations): nodemailer over `SMTP_URL`, or nodemailer's JSON
 * transport for `SMTP_URL=json:` (tests read the messages it renders), or, with no SMTP_URL,
 * a log line per message instead of sending it. Built once by the composition root.
 */
import type { Transporter } from 'nodemailer';
import type { MailConfig } from '../env';
import { lazyImport } from '../lazyImport';
import type { Logger } from '../logger';

/**
 * nodemailer loads with the first message sent, not at startup (docs/PERFORMANCE.md, "Idle
 * memory"); most processes go a long time without sending any.
 */
const loadNodemailer = lazyImport(async () => (await import('nodemailer')).default);

/** One e-mail to one person. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** What a transport did with one message (`raw`: the rendered message, JSON transport only). */
export interface SentMail {
  message: MailMessage;
  raw: string | null;
}

/** Sends mail; `send` never throws (a failed send is logged and answered `false`). */
export interface MailSender {
  /** Whether messages really leave the server (false: they are logged only). */
  isDelivering: boolean;
  /**
   * Hands `message` to the transport (or, without SMTP_URL, logs it). Resolves `false` only
   * when the transport refused it, so a caller that can (the digest) tries again later.
   */
  send(message: MailMessage): Promise<boolean>;
  /** Calls `listener` after each message was handed to the transport; returns the remover. */
  onSent(listener: (sent: SentMail) => void): () => void;
  /** Waits for sends under way, then closes SMTP connections. */
  close(): Promise<void>;
}

/** Builds the sender `config` asks for. */
export function createMailSender(input: { config: MailConfig; logger: Logger }): MailSender {
  const { config, logger } = input;
  const { smtpUrl } = config;
  // Built on the first send; null until then (and for good without SMTP_URL).
  let transport: Transporter | null = null;
  const listeners = new Set<(sent: SentMail) => void>();
  const pending = new Set<Promise<boolean>>();

  const deliver = async (message: MailMessage): Promise<boolean> => {
    // Recipient and subject only: the body quotes a comment, which is not for the log.
    const summary = { to: message.to, subject: message.subject };
    let raw: string | null = null;
    if (smtpUrl === null) {
      logger.info(summary, 'mail not sent (SMTP_URL is not set)');
    } else {
      try {
        // Awaited before `??=` reads `transport`, so concurrent first sends build one transport.
        const nodemailer = await loadNodemailer();
        transport ??= createTransport(nodemailer, smtpUrl);
        const info = (await transport.sendMail({ from: config.from, ...message })) as {
          message?: unknown;
        };
        raw = typeof info.message === 'string' ? info.message : null;
        logger.info(summary, 'mail sent');
      } catch (error: unknown) {
        logger.warn({ ...summary, err: error }, 'mail could not be sent');
        return false;
      }
    }
    for (const listener of listeners) listener({ message, raw });
    return true;
  };

  return {
    isDelivering: smtpUrl !== null,
    send(message) {
      const sending = deliver(message).finally(() => pending.delete(sending));
      pending.add(sending);
      return sending;
    },
    onSent(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      await Promise.all([...pending]);
      transport?.close();
    },
  };
}

function createTransport(
  nodemailer: Awaited<ReturnType<typeof loadNodemailer>>,
  smtpUrl: string,
): Transporter {
  if (smtpUrl === 'json:') return nodemailer.createTransport({ jsonTransport: true });
  return nodemailer.createTransport(smtpUrl);
}
