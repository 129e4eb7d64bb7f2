import { resolve } from 'node:path';
import { loadConfig } from './config.ts';
import { journalDir } from './hits/hit-journal.ts';
import { createServer } from './server.ts';

const config = loadConfig();
const server = await createServer(config);
await server.app.listen({ port: config.port, host: config.host });
const address = server.app.server.address();
const port = typeof address === 'object' && address ? address.port : config.port;

console.log(
  [
    `Inbox Command Center server listening on http://${config.host}:${port}`,
    `  public URLs:   ${config.publicBaseUrl}/o/<token>.gif, ${config.publicBaseUrl}/c/<token>/<n>`,
    `  storage:       ${server.repo.describe()}`,
    `  hit journal:   ${resolve(journalDir(config))} (a hit is answered once journaled; a worker thread writes the events)`,
    `  networks:      ${server.hitJournal.networkSummary() ?? 'the hit writer has not said how its ASN database loaded'}`,
    `  SMTP relay:    ${server.relay.describe()}`,
    `  bounce intake: ${server.inboundPort ? `smtp://${config.inboundSmtpHost}:${server.inboundPort} for @${config.bounceDomain}` : 'off (INBOUND_SMTP_PORT=0)'}`,
    `  scanner window ${config.scannerWindowSeconds} s, store IP/UA ${config.storeIpUa ? 'on' : 'off'}, raw hits kept ${config.rawHitRetentionDays} days`,
  ].join('\n'),
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing queued hits and closing`);
    server.close().then(
      () => process.exit(0),
      (error: Error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
