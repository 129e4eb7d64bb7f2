import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventReason } from '../../src/reasons/event-reasons.ts';
import { PostgresDriver } from '../../src/storage/postgres/pg-driver.ts';
import type { MessageRecord, NewEvent, StoredHit } from '../../src/storage/repository.ts';
import type { SqlDriver } from '../../src/storage/sql-driver.ts';
import { SqlRepository } from '../../src/storage/sql-repository.ts';
import { backend } from '../support/backend.ts';
import { type Fleet, startFleet, type Visitor } from '../support/fleet.ts';

// Many servers, one truth: reps who outgrow one server run several behind a load balancer, each
// with its own DATA_DIR, all on one PostgreSQL. A message's hits land on whichever server the
// balancer picks, and must be judged as if one server had taken them all: bursts and sequences
// from the message's stored hits, not from one process's memory.
//
// These stories describe the target. Today's classifier keeps click bursts in each writer's
// memory, per address, and knows no mail-security or cloud networks, so some fail until it reads
// stored hits (recordHits' `history`); the report of the change names which and why.
//
// PostgreSQL only: one SQLite file is not shared between servers, so there is nothing to test there.

const LINKS = [1, 2, 3, 4, 5].map((n) => `https://example.com/offer/${n}`);
const MINUTE = 60_000;

// Addresses checked against @ip-location-db/asn 2.3.2026061719 (asn-ipv4.csv):
// 3.80.0.0–3.95.255.255 AS14618 Amazon (AWS us-east-1), 73.0.0.0/8 AS7922 Comcast,
// 170.10.128.0–170.10.133.255 AS30031 Mimecast North America.
const CHROME_WIN =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_MAC =
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15';
/** A sandbox that opens every link with a new address and a new browser disguise each time. */
const ROTATING_SCANNER: Visitor[] = [
  { ip: '3.88.14.201', userAgent: CHROME_WIN },
  { ip: '3.91.7.44', userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0' },
  { ip: '3.84.150.9', userAgent: SAFARI_MAC },
  {
    ip: '3.93.201.17',
    userAgent:
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
  },
  {
    ip: '3.82.66.130',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  },
];
const READER_OUTLOOK: Visitor = {
  ip: '73.162.44.18',
  userAgent: 'Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17928; Pro)',
};
const READER_BROWSER: Visitor = { ip: '73.162.44.18', userAgent: CHROME_WIN };
const MIMECAST_GATEWAY: Visitor = { ip: '170.10.130.77', userAgent: CHROME_WIN };
const READER_AT_HOME: Visitor = { ip: '73.71.209.5', userAgent: SAFARI_MAC };

const verdictsOf = (events: Record<string, unknown>[]) =>
  [...events]
    .sort((x, y) => Number(x.at) - Number(y.at))
    .map((e) => ({
      type: e.type,
      linkIndex: e.linkIndex ?? null,
      classification: e.classification,
      code: e.reasonCode,
    }));

describe(`many servers on one database (${backend})`, () => {
  if (backend !== 'postgres') {
    it('runs on PostgreSQL only', (t) => {
      t.skip('one SQLite file is not shared between servers: the PostgreSQL run covers many servers');
    });
    return;
  }

  let fleet: Fleet;
  let a: Fleet['servers'][number];
  let b: Fleet['servers'][number];
  before(async () => {
    fleet = await startFleet(2);
    [a, b] = fleet.servers as [typeof a, typeof b];
  });
  after(async () => {
    await fleet?.close();
  });

  /** Every server's feed shows the same events for the message; returns them in time order. */
  async function oneTruth(messageId: string) {
    const [first, ...others] = await fleet.eventsOf(messageId);
    for (const other of others) assert.deepEqual(other, first, 'every server shows the same events');
    return verdictsOf(first ?? []);
  }

  /** Five clicks in 600 ms, a new AWS address and browser each, on the servers given in turn. */
  async function scannerWalks(messageId: string, servers: Fleet['servers']) {
    const m = await fleet.register(messageId, LINKS, 3 * MINUTE);
    for (const [i, visitor] of ROTATING_SCANNER.entries()) {
      await fleet.hit(servers[i % servers.length] ?? a, m.clicks[i] ?? '', visitor);
      fleet.clock.now += 150;
    }
    return oneTruth(messageId);
  }

  function assertBurst(clicks: ReturnType<typeof verdictsOf>) {
    assert.equal(clicks.length, 5);
    for (const click of clicks) {
      assert.equal(click.classification, 'scanner', `link ${click.linkIndex}: ${click.code}`);
      assert.match(String(click.code), /burst/i, `link ${click.linkIndex} names the burst`);
    }
  }

  it('a scanner walking all five links from rotating AWS addresses, over both servers, is a scanner burst', async () => {
    assertBurst(await scannerWalks('walk-two', [a, b]));
  });

  it('the same walk on one server gets the same verdicts', async () => {
    const alone = await scannerWalks('walk-one', [a]);
    assertBurst(alone);
    assert.deepEqual(alone, verdictsOf((await fleet.eventsOf('walk-two'))[0] ?? []));
  });

  /** Reads the mail in Outlook, then opens three links in browser tabs 3–4 s apart. */
  async function readerOpensTabs(messageId: string, servers: Fleet['servers']) {
    const m = await fleet.register(messageId, LINKS, 2 * 60 * MINUTE);
    await fleet.hit(servers[0] ?? a, m.pixel, READER_OUTLOOK);
    fleet.clock.now += 40_000;
    for (const [i, link] of [0, 2, 4].entries()) {
      await fleet.hit(servers[(i + 1) % servers.length] ?? a, m.clicks[link] ?? '', READER_BROWSER);
      fleet.clock.now += i % 2 === 0 ? 3_200 : 3_800;
    }
    return oneTruth(messageId);
  }

  it('a reader who opened the mail and then three links in new tabs, over both servers, is human', async () => {
    const events = await readerOpensTabs('tabs-two', [a, b]);
    assert.deepEqual(
      events.map((e) => [e.type, e.linkIndex, e.classification]),
      [
        ['view', null, 'human'],
        ['click', 0, 'human'],
        ['click', 2, 'human'],
        ['click', 4, 'human'],
      ],
    );
  });

  it('the same reader on one server is human too', async () => {
    const events = await readerOpensTabs('tabs-one', [a]);
    assert.deepEqual(
      events.map((e) => e.classification),
      ['human', 'human', 'human', 'human'],
      JSON.stringify(events),
    );
  });

  it("a Mimecast pre-click at delivery on one server, the reader's own click 20 min later on the other", async () => {
    const m = await fleet.register('gateway-then-reader', LINKS, 0);
    fleet.clock.now += 2 * MINUTE;
    await fleet.hit(a, m.clicks[0] ?? '', MIMECAST_GATEWAY);
    fleet.clock.now += 20 * MINUTE;
    await fleet.hit(b, m.clicks[0] ?? '', READER_AT_HOME);
    const events = await oneTruth('gateway-then-reader');
    assert.deepEqual(
      events.map((e) => e.classification),
      ['scanner', 'human'],
      JSON.stringify(events),
    );
  });

  // What the classifier relies on, without it: the storage layer's promise.
  // The second case is a database whose default isolation is REPEATABLE READ, where the lock alone
  // would not do (recordHits says why): the connection's startup options set it.
  const isolations: [string, string][] = [
    ['the default isolation', ''],
    ['REPEATABLE READ as the default', '?options=-c%20default_transaction_isolation%3Drepeatable%5C%20read'],
  ];
  for (const [isolation, options] of isolations) {
    it(`two writers storing hits of one message at once take turns, with ${isolation}: the second sees the first`, async () => {
      const m = await fleet.register(`two-batches-${options.length}`, LINKS, 60 * MINUTE);
      const token = m.pixel.slice('/o/'.length, -'.gif'.length);
      const url = fleet.databaseUrl + options;
      const first = new SqlRepository(holdingInserts(new PostgresDriver(url), 500), 'first writer');
      const second = new SqlRepository(new PostgresDriver(url), 'second writer');
      try {
        const since = fleet.clock.now - MINUTE;
        let firstHoldsLock: () => void = () => undefined;
        const locked = new Promise<void>((resolve) => {
          firstHoldsLock = resolve;
        });
        const firstDone = first.recordHits(
          [token],
          (messages) => {
            firstHoldsLock();
            return clicksOf(messages.get(token), [0], fleet.clock.now);
          },
          fleet.clock.now,
          undefined,
          { history: { since: since } },
        );
        // The first batch is between reading its history and inserting: the second starts now.
        await locked;
        let seenBySecond: StoredHit[] = [];
        const secondDone = second.recordHits(
          [token],
          (messages, history) => {
            const message = messages.get(token);
            seenBySecond = (message && history.get(message.pk)) || [];
            return clicksOf(message, [1], fleet.clock.now + 100);
          },
          fleet.clock.now + 100,
          undefined,
          { history: { since: since } },
        );
        const [one] = await Promise.all([firstDone, secondDone]);
        assert.deepEqual(
          seenBySecond.map((h) => [h.id, h.type, h.linkIndex]),
          one.ids.map((id) => [id, 'click', 0]),
          "the second batch's history holds the first batch's click",
        );
      } finally {
        await first.close();
        await second.close();
      }
    });
  }
});

/** The click events a writer would build for `message` (none when the token matched no message). */
function clicksOf(message: MessageRecord | undefined, links: number[], at: number): NewEvent[] {
  if (!message) return [];
  return links.map((linkIndex) => ({
    accountId: message.accountId,
    messagePk: message.pk,
    messageId: message.messageId,
    type: 'click',
    at,
    classification: 'human',
    ...eventReason('human.browser'),
    linkIndex,
  }));
}

/** A driver whose transactions wait `ms` before each insert: a batch caught between its reads and its writes. */
function holdingInserts(inner: SqlDriver, ms: number): SqlDriver {
  return {
    dialect: inner.dialect,
    all: (sql, params) => inner.all(sql, params),
    run: (sql, params) => inner.run(sql, params),
    insertMany: (sql, rows) => inner.insertMany(sql, rows),
    transaction: (work) =>
      inner.transaction((tx) =>
        work({
          ...tx,
          insertMany: async (sql, rows) => {
            await new Promise((resolve) => setTimeout(resolve, ms));
            return tx.insertMany(sql, rows);
          },
        }),
      ),
    close: () => inner.close(),
  };
}
