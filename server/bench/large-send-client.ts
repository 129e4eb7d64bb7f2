// The rep's client of bench/large-send-bench.ts, on a worker thread of its own: writing 10 MB
// bodies into sockets must not hold up the event loop that times the pixels.
import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

export interface ClientData {
  port: number;
  key: string;
  sends: number;
  /** The length of html and of text, in characters. */
  partChars: number;
}
export interface SendAnswer {
  status: number;
  ms: number;
}

const { port, key, sends, partChars } = workerData as ClientData;

/** Built before the first send: the html is full of quotes, which JSON escapes. */
function sendBodies(): Buffer[] {
  const paragraph = '<p style="margin:0">Quarterly numbers, see <a href="https://example.com/q3">the report</a>.</p>\n';
  const html = paragraph.repeat(Math.ceil(partChars / paragraph.length)).slice(0, partChars);
  const line = 'Quarterly numbers, see the report: https://example.com/q3\n';
  const text = line.repeat(Math.ceil(partChars / line.length)).slice(0, partChars);
  return Array.from({ length: sends }, (_, n) =>
    Buffer.from(
      JSON.stringify({
        messageId: `large-${n}`,
        from: 'rep@sales.example',
        to: ['ann@customer.example'],
        subject: 'Q3 numbers',
        html,
        text,
      }),
    ),
  );
}

function post(body: Buffer): Promise<SendAnswer> {
  const started = performance.now();
  const answer = (status: number) => ({ status, ms: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    const headers = {
      authorization: `Bearer ${key}`,
      'content-type': 'application/json',
      'content-length': body.length,
    };
    const req = request({ port, host: '127.0.0.1', method: 'POST', path: '/v1/send', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(answer(res.statusCode ?? 0)));
    });
    req.on('error', () => resolve(answer(0)));
    req.end(body);
  });
}

const bodies = sendBodies();
parentPort?.postMessage({ kind: 'ready', bytes: bodies[0]?.length ?? 0 });
parentPort?.once('message', async () => {
  // One send a second; the next one waits for the answer if that takes longer.
  const answers: SendAnswer[] = [];
  for (const body of bodies) {
    const next = new Promise((r) => setTimeout(r, 1000));
    answers.push(await post(body));
    await next;
  }
  parentPort?.postMessage({ kind: 'done', answers });
});
