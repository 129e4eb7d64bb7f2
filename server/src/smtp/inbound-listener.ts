import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';

const MAX_REPORT_BYTES = 10 * 1024 * 1024;

export interface InboundListener {
  listen(port: number, host: string): Promise<number>;
  close(): Promise<void>;
}

type Handler = (raw: string, recipients: string[]) => Promise<void>;

function smtpError(message: string, code: number): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** The MX for the bounce domain: accepts mail for that domain only and hands each message over. */
export function createInboundListener(
  bounceDomain: string,
  handle: Handler,
  log: (m: string) => void,
): InboundListener {
  const server = new SMTPServer({
    name: bounceDomain,
    banner: 'Inbox Command Center bounce and complaint intake',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_REPORT_BYTES,
    logger: false,
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const domain = address.address.slice(address.address.lastIndexOf('@') + 1).toLowerCase();
      if (domain !== bounceDomain.toLowerCase()) return callback(smtpError(`5.7.1 relaying to ${domain} denied`, 550));
      callback();
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (err?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (stream.sizeExceeded) return callback(smtpError('5.3.4 report too large', 552));
        const recipients = session.envelope.rcptTo.map((a) => a.address);
        handle(Buffer.concat(chunks).toString('utf8'), recipients).then(
          () => callback(),
          (error: Error) => {
            log(`inbound report not stored: ${error.message}`);
            // 4xx: the reporting MTA keeps the report and tries again later.
            callback(smtpError('4.3.0 temporary failure storing the report', 451));
          },
        );
      });
    },
  });
  server.on('error', (error) => log(`inbound SMTP: ${error.message}`));
  return {
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.server.address();
          resolve(typeof address === 'object' && address ? address.port : port);
        });
      }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
