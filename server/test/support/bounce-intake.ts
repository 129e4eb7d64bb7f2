import nodemailer from 'nodemailer';
import { createInboundListener, type InboundListener } from '../../src/smtp/inbound-listener.ts';
import type { Harness } from './harness.ts';

/**
 * The server's bounce intake, the same listener it starts for INBOUND_SMTP_PORT, on an ephemeral
 * port of a harness; `deliver` hands it one raw report over a real SMTP conversation and returns
 * the listener's answer ("250 …").
 */
export interface BounceIntake {
  deliver(raw: string | Buffer, to: string): Promise<string>;
  close(): Promise<void>;
}

export async function openBounceIntake(h: Harness): Promise<BounceIntake> {
  const listener: InboundListener = createInboundListener(
    h.config.bounceDomain,
    h.server.handleReport,
    () => undefined,
  );
  const port = await listener.listen(0, '127.0.0.1');
  return {
    async deliver(raw, to) {
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
      try {
        return String((await transport.sendMail({ envelope: { from: '', to }, raw })).response);
      } finally {
        transport.close();
      }
    },
    close: () => listener.close(),
  };
}
