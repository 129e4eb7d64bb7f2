import { type ChildProcess, fork } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Config } from '../config.ts';
import { type AttemptResult, describeRelay, type Relay } from '../smtp/sender.ts';
import type { SendJob } from '../storage/repository.ts';
import type { FromMail, ToMail } from './mail-protocol.ts';

/** A delivery under way may still be talking to the relay (its socket timeout is 60 s). */
const CLOSE_WAIT_MS = 65_000;
/**
 * A mail process with nothing to do this long exits. Taking in and sending a 10 MB mail grows a
 * process by 100+ MB, which it would keep for the next one; exiting gives all of it back.
 */
const IDLE_MS = 5_000;
/**
 * The mail process's CPU priority (nice): a mail may take a second to leave, a pixel must not
 * wait. On 2 cores its 20–350 ms bursts of work otherwise compete with the HTTP thread.
 */
const NICENESS = 10;

type Answer = Extract<FromMail, { id: number }>;
export type ScheduleAnswer = Extract<Answer, { kind: 'scheduled' | 'refused' }>;

/** A send's body on its way to the mail process (MailWorker.upload). */
export interface Upload {
  write(piece: Uint8Array): Promise<void>;
  finish(): Promise<ScheduleAnswer>;
  drop(): void;
}

interface Mail {
  child: ChildProcess;
  exited: Promise<void>;
  /** The requests it has not answered yet. */
  open: Set<number>;
  idle: NodeJS.Timeout | null;
}

/**
 * The server's side of the mail process (mail-process.ts): it hands over send bodies and due jobs
 * and gets small answers back. The process is started by the first of them (0.3 s) and exits once
 * idle. If it dies, what it was doing fails (a 500, a delivery tried again later) and the next
 * request starts another.
 */
export class MailWorker {
  /** For the send scheduler: each attempt is made in the mail process. */
  readonly relay: Relay;
  /** The process requests go to, if one is running. */
  private mail: Mail | null = null;
  /** Every process not yet exited: the current one and those told to close but still finishing. */
  private readonly live = new Set<Mail>();
  /** Each request not yet answered: the process it went to, and how to answer it. */
  private readonly waiting = new Map<number, { mail: Mail; resolve: (answer: Answer) => void }>();
  private nextId = 0;
  private closing = false;
  private readonly config: Config;
  private readonly log: (message: string) => void;

  constructor(config: Config, log: (message: string) => void) {
    this.config = config;
    this.log = log;
    this.relay = { describe: () => describeRelay(config), attempt: (job) => this.deliver(job), close: () => {} };
  }

  /**
   * Starts taking in a POST /v1/send body, which goes to the mail process piece by piece as it
   * arrives: the server never holds it whole, nor copies it more than once. `finish` gives the
   * answer (stored, or refused); `drop` gives the body up.
   */
  upload(accountId: number, now: number): Upload {
    const { id, write, answer } = this.request();
    return {
      write: (bytes) => write({ kind: 'part', id, bytes }),
      finish: async () => {
        await write({ kind: 'schedule', id, accountId, now });
        const done = await answer;
        if (done.kind === 'scheduled' || done.kind === 'refused') return done;
        throw new Error(`mail process: ${done.kind === 'failed' ? done.message : done.kind}`);
      },
      drop: () => {
        write({ kind: 'drop', id }).catch(() => {});
        this.settle(id, { kind: 'failed', id, message: 'dropped' });
      },
    };
  }

  /** Lets the mail process finish what it was asked, then waits for it to exit. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.mail) this.end(this.mail);
    const all = [...this.live];
    const timer = new Promise<'late'>((resolve) => setTimeout(() => resolve('late'), CLOSE_WAIT_MS).unref());
    if ((await Promise.race([Promise.all(all.map((m) => m.exited)), timer])) === 'late') {
      this.log('mail process did not finish in time; killing it');
      for (const m of all) m.child.kill('SIGKILL');
    }
  }

  private async deliver(job: SendJob): Promise<AttemptResult> {
    const { id, write, answer } = this.request();
    await write({ kind: 'deliver', id, job }).catch((error: Error) =>
      this.settle(id, { kind: 'failed', id, message: error.message }),
    );
    const done = await answer;
    if (done.kind === 'delivered') return done.result;
    // As for a relay that did not answer: the scheduler tries again after its backoff.
    const response = `mail process: ${done.kind === 'failed' ? done.message : done.kind}`;
    return { accepted: [], rejected: [], deferred: job.to.map((recipient) => ({ recipient, code: null, response })) };
  }

  /**
   * A new request to the mail process (started if none runs): its id, a `write` for its messages
   * (resolving once each is in the channel) and its answer.
   */
  private request() {
    const id = this.nextId++;
    if (this.closing) {
      const closed = { kind: 'failed', id, message: 'the server is closing' } as const;
      return { id, write: () => Promise.reject(new Error(closed.message)), answer: Promise.resolve<Answer>(closed) };
    }
    const mail = this.mail ?? this.spawn();
    if (mail.idle) clearTimeout(mail.idle);
    mail.idle = null;
    const answer = new Promise<Answer>((resolve) => this.waiting.set(id, { mail, resolve }));
    mail.open.add(id);
    const write = (message: ToMail) =>
      new Promise<void>((resolve, reject) => {
        if (!mail.child.connected) return reject(new Error('the mail process is gone'));
        mail.child.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
      });
    return { id, write, answer };
  }

  /** Gives a request its answer; a process left with none to give is ended after IDLE_MS. */
  private settle(id: number, answer: Answer): void {
    const request = this.waiting.get(id);
    if (!request) return;
    this.waiting.delete(id);
    const { mail, resolve } = request;
    mail.open.delete(id);
    resolve(answer);
    if (mail.open.size === 0 && this.mail === mail) mail.idle = setTimeout(() => this.end(mail), IDLE_MS).unref();
  }

  /** Asks a process to finish what it has and exit; a request from now on starts another. */
  private end(mail: Mail): void {
    if (mail.idle) clearTimeout(mail.idle);
    mail.idle = null;
    if (this.mail !== mail) return;
    this.mail = null;
    if (mail.child.connected) mail.child.send({ kind: 'close' } satisfies ToMail);
  }

  private spawn(): Mail {
    // Advanced serialization: a body's pieces go as bytes, not as JSON arrays of numbers.
    const child = fork(new URL('./mail-process.ts', import.meta.url), { serialization: 'advanced' });
    lowerPriority(child);
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const mail: Mail = { child, exited, open: new Set(), idle: null };
    this.mail = mail;
    this.live.add(mail);
    child.send({ kind: 'start', config: this.config } satisfies ToMail);
    child.on('message', (message: FromMail) => {
      if (message.kind === 'log') this.log(message.message);
      else this.settle(message.id, message);
    });
    child.on('error', (error) => this.log(`mail process: ${error.message}`));
    child.once('exit', (code, signal) => {
      this.live.delete(mail);
      for (const id of [...mail.open]) this.settle(id, { kind: 'failed', id, message: 'the process stopped' });
      if (this.mail !== mail) return;
      this.mail = null;
      this.log(`mail process stopped (${signal ?? `exit code ${code}`}); the next send starts another`);
    });
    return mail;
  }
}

function lowerPriority(child: ChildProcess): void {
  try {
    if (child.pid) setPriority(child.pid, NICENESS);
  } catch {
    // Not allowed here (some containers): the process runs at the server's priority.
  }
}
