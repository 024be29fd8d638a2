import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// Real receivers for delivery tests: an SMTP server (test/helpers) and a webhook endpoint, in-process on free ports.

export { bodyText, type ReceivedMail, startSmtp } from '../../../../test/helpers/smtp-receiver.js';

export type HookCall = { headers: IncomingHttpHeaders; body: string };

/** A webhook endpoint answering `status()` to every POST and recording each call. */
export async function startWebhook(status: () => number) {
  const calls: HookCall[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      calls.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(status()).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/zalo-relay`,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
