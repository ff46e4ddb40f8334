/**
 * A real SMTP server in the test process (`smtp-server` on 127.0.0.1:0): the server under
 * test sends through nodemailer with `SMTP_URL` = `smtpUrl`, and tests read what arrived.
 * Each message is kept raw and decoded just enough to assert on (no mailparser here): the
 * Subject (RFC 2047 words) and the text and HTML parts (quoted-printable or base64).
 *
 *   const smtp = await startSmtpServer();
 *   const server = await startTestServer({ SMTP_URL: smtp.smtpUrl });
 *   const [mail] = await smtp.waitForMessages(1);
 *   await smtp.close();
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from '../collab/helpers';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  /** The envelope: MAIL FROM and every RCPT TO. */
  from: string;
  to: string[];
  /** The whole message as sent over the wire. */
  raw: string;
  /** Decoded. */
  subject: string;
  text: string;
  html: string;
}

/** The running server and what it received. */
export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  smtpUrl: string;
  /** Every message so far, in arrival order. */
  messages: ReceivedMail[];
  /** Messages to `address` so far. */
  messagesTo(address: string): ReceivedMail[];
  /**
   * Refuses the next `times` messages to `address` with a temporary error (451), as an SMTP
   * server that is down for a while; they are not kept.
   */
  refuseNext(address: string, times: number): void;
  /** How many messages were refused so far. */
  refusedCount(): number;
  /** Waits until at least `count` messages arrived (generous deadline), then returns all. */
  waitForMessages(count: number, what?: string): Promise<ReceivedMail[]>;
  close(): Promise<void>;
}

/** Starts an SMTP server that accepts everything, without TLS or authentication. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: ReceivedMail[] = [];
  const refusals = new Map<string, number>();
  let refused = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        const to = session.envelope.rcptTo.map((recipient) => recipient.address);
        const refusing = to.find((address) => (refusals.get(address) ?? 0) > 0);
        if (refusing) {
          refusals.set(refusing, refusals.get(refusing)! - 1);
          refused += 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        messages.push({ from, to, raw, ...decodeMessage(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    messages,
    messagesTo: (address) => messages.filter((mail) => mail.to.includes(address)),
    refuseNext: (address, times) => {
      refusals.set(address, times);
    },
    refusedCount: () => refused,
    async waitForMessages(count, what = `${count} e-mail(s)`) {
      await waitFor(() => messages.length >= count, what, 15_000);
      return messages;
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** The subject, text and HTML of a (multipart) message, decoded. */
function decodeMessage(raw: string): { subject: string; text: string; html: string } {
  const message = splitPart(raw);
  const parts = leafParts(message);
  const bodyOf = (type: string): string => {
    const part = parts.find((candidate) =>
      (candidate.headers.get('content-type') ?? 'text/plain').startsWith(type),
    );
    return part ? decodeBody(part) : '';
  };
  return {
    subject: decodeWords(message.headers.get('subject') ?? ''),
    text: bodyOf('text/plain'),
    html: bodyOf('text/html'),
  };
}

function splitPart(raw: string): Part {
  const normalized = raw.replace(/\r\n/g, '\n');
  const end = normalized.indexOf('\n\n');
  const head = end === -1 ? normalized : normalized.slice(0, end);
  const body = end === -1 ? '' : normalized.slice(end + 2);
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace.
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function leafParts(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.startsWith('multipart/') || !boundary) return [part];
  return part.body
    .split(`--${boundary}`)
    .slice(1)
    .filter((chunk) => !chunk.startsWith('--'))
    .flatMap((chunk) => leafParts(splitPart(chunk.replace(/^\n/, ''))));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body, 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body).replace(/\n$/, '');
  return part.body.replace(/\n$/, '');
}

function decodeQuotedPrintable(text: string): string {
  const joined = text.replace(/=\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i += 1) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`) in a header. */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_match, _charset, kind: string, data: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
