// The mail process: a child process of the server, with its own storage connection, where every
// mail's body is handled, so that none of it sits on the thread answering pixels. For a 10 MB mail
// that is the JSON parse, size and schema checks and the INSERT of the send (100–150 ms on the HTTP
// thread before), and the read and MIME build of its delivery (60 ms and 200–350 ms). A process
// rather than a worker thread: when it exits, the memory a large mail took goes back to the system,
// where a thread's would stay in the server's malloc arenas (BENCHMARKS.md).
import { compileBodyValidator } from '../http/body-validator.ts';
import { sendSchema } from '../http/request-schemas.ts';
import { createSmtpRelay } from '../smtp/sender.ts';
import { openStorage } from '../storage/open-storage.ts';
import { createTokenCodec } from '../tracking/tokens.ts';
import type { FromMail, ToMail } from './mail-protocol.ts';
import { readSend } from './read-send.ts';
import { scheduleSend } from './schedule-send.ts';

const send = process.send?.bind(process);
if (!send) throw new Error('mail-process.ts runs as a child process of the server only');
const post = (message: FromMail): void => {
  send(message);
};
// Without the server there is no one to answer: a server killed with -9 takes this process along.
process.on('disconnect', () => process.exit(0));

async function serve(config: Extract<ToMail, { kind: 'start' }>['config'], queued: ToMail[]): Promise<void> {
  const repo = await openStorage(config, { checkpoints: false });
  const tokens = createTokenCodec(config.tokenSecret);
  const validate = compileBodyValidator(sendSchema);
  const relay = createSmtpRelay(config, (job) => repo.findSendContent(job.id));
  const parts = new Map<number, Uint8Array[]>();
  // Sends are taken in one at a time, so this process holds one parsed body at most; deliveries
  // wait on their relay and run side by side, as many as the scheduler claims at once.
  let intake = Promise.resolve();
  const deliveries = new Set<Promise<void>>();
  const failed = (id: number) => (error: Error) => post({ kind: 'failed', id, message: error.message });

  const schedule = async ({ id, accountId, now }: Extract<ToMail, { kind: 'schedule' }>) => {
    const body = Buffer.concat(parts.get(id) ?? []);
    parts.delete(id);
    const reading = readSend(body, validate, config.maxSendBytes);
    if (!reading.ok) return post({ kind: 'refused', id, refusal: reading });
    post({ kind: 'scheduled', id, job: await scheduleSend({ repo, tokens }, accountId, reading.input, now) });
  };
  const handle = async (message: ToMail) => {
    if (message.kind === 'part') {
      const pieces = parts.get(message.id) ?? [];
      pieces.push(message.bytes);
      parts.set(message.id, pieces);
    } else if (message.kind === 'drop') parts.delete(message.id);
    else if (message.kind === 'schedule') intake = intake.then(() => schedule(message)).catch(failed(message.id));
    else if (message.kind === 'deliver') {
      const delivery = relay
        .attempt(message.job)
        .then((result) => post({ kind: 'delivered', id: message.id, result }), failed(message.id))
        .finally(() => deliveries.delete(delivery));
      deliveries.add(delivery);
    } else if (message.kind === 'close') {
      process.off('message', handle);
      await intake;
      await Promise.all(deliveries);
      relay.close();
      await repo.close();
      process.disconnect();
    }
  };
  process.off('message', hold);
  process.on('message', handle);
  for (const message of queued) void handle(message);
}

// Requests come from the first message on; those arriving while storage opens wait here.
const queued: ToMail[] = [];
const hold = (message: ToMail) => {
  if (message.kind !== 'start') return queued.push(message);
  serve(message.config, queued).catch((error: Error) => {
    post({ kind: 'log', message: `mail process could not start: ${error.message}` });
    process.disconnect();
  });
};
process.on('message', hold);
