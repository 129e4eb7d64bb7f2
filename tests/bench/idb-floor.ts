import { launchWithExtension } from '../support/launch-extension.ts';

// What one row write costs in the background's own IndexedDB (the extension's worker, a scratch
// database beside the real one), with no code of ours in between: the floor under every figure
// the lists benchmark reports. A view stores one event row and rewrites one email row, so
// 1000 / (event + email) ms is the most views a second any design of that shape can apply.

const ROWS = 20_000;
const BATCH = 200;
const ROUNDS = 5;

export interface FloorFigure {
  name: string;
  /** Milliseconds per row, one per round of BATCH rows in one transaction. */
  samples: number[];
}

export async function measureIdbFloor(): Promise<FloorFigure[]> {
  const launched = await launchWithExtension();
  try {
    const worker = await launched.serviceWorker();
    return await worker.evaluate(
      async ({ rows, batch, rounds }) => {
        // An email row as the demo mailbox stores it (about 1 KB), and an engagement event.
        const email = (i: number, views: number) => ({
          id: `floor-email-${i}`,
          status: 'delivered',
          subject: `Idea for Vantage Energy ${i}`,
          to: [{ address: `mei.rossi${i}@vantage.example`, name: 'Mei Rossi' }],
          personIds: [`floor-person-${i % 60}`],
          bodyPreview: 'Hi Mei, following up on where things stand for Vantage Energy.',
          bulk: true,
          tracking: true,
          createdAt: 1_796_167_031_728 + i,
          statusAt: 1_796_169_851_728 + i,
          folderDate: 1_796_169_851_728 + i,
          statusHistory: [
            { status: 'draft', at: 1_796_167_031_728, reason: 'created', reasonCode: 'demo.created' },
            { status: 'delivered', at: 1_796_169_851_728, reason: 'demo data', reasonCode: 'demo.data' },
          ],
          engagement: {
            views,
            clicks: 4,
            replied: false,
            machineViews: 5,
            machineClicks: 3,
            trustedViews: views,
            trustedClicks: 2,
            lastActivityAt: 1_796_169_933_494 + views,
          },
          campaignId: `campaign-${i % 8}`,
          sentAt: 1_796_169_851_728 + i,
          searchFacet: [15, `campaign-${i % 8}`],
          searchText: `["Idea for Vantage Energy ${i}",[["Mei Rossi","mei.rossi${i}@vantage.example"]]]`,
          lists: ['1b4e28ba-2fa1-11d2-883f-0016d3cca427', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'],
        });
        const event = (i: number) => ({
          emailId: `floor-email-${i % rows}`,
          type: 'view',
          at: 1_796_169_933_494 + i,
          classification: 'human',
          reason: 'Opened by a person',
          reasonCode: 'human.default',
          serverCursor: `floor-${i}`,
        });
        // The product's indexes (lib/db/database.ts, v9).
        const EMAIL_INDEXES = [
          'status',
          'status+folderDate',
          'campaignId',
          '*personIds',
          '*searchWords',
          'createdAt',
          'statusAt',
          'searchFacet',
          'sentAt',
          'scheduledAt',
          'failedAt',
          'engagement.lastActivityAt',
          '*lists',
          '*newIn',
        ];
        const stores: Record<string, { key: IDBObjectStoreParameters; indexes: string[] }> = {
          bare: { key: { keyPath: 'id' }, indexes: [] },
          emails: { key: { keyPath: 'id' }, indexes: EMAIL_INDEXES },
          events: { key: { keyPath: 'id', autoIncrement: true }, indexes: ['emailId+at', '&serverCursor'] },
        };
        const name = `icc-floor-${Date.now()}`;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open(name, 1);
          request.onupgradeneeded = () => {
            for (const [store, { key, indexes }] of Object.entries(stores)) {
              const created = request.result.createObjectStore(store, key);
              for (const index of indexes) {
                const path = index.replace(/^[*&]/, '');
                created.createIndex(index, path.includes('+') ? path.split('+') : path, {
                  multiEntry: index.startsWith('*'),
                  unique: index.startsWith('&'),
                });
              }
            }
          };
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const write = (store: string, values: object[], put: boolean) =>
          new Promise<number>((resolve, reject) => {
            const started = performance.now();
            const tx = db.transaction(store, 'readwrite');
            for (const value of values) put ? tx.objectStore(store).put(value) : tx.objectStore(store).add(value);
            tx.oncomplete = () => resolve((performance.now() - started) / values.length);
            tx.onerror = () => reject(tx.error);
          });
        for (let start = 0; start < rows; start += 2_000) {
          const slice = Array.from({ length: 2_000 }, (_, k) => email(start + k, 0));
          await write('bare', slice, true);
          await write('emails', slice, true);
          await write(
            'events',
            slice.map((_, k) => event(start + k)),
            false,
          );
        }
        const figures = { bare: [] as number[], emails: [] as number[], events: [] as number[] };
        for (let round = 1; round <= rounds; round++) {
          const picked = Array.from({ length: batch }, (_, k) => (k * 97 + round * 31) % rows);
          figures.bare.push(
            await write(
              'bare',
              picked.map((i) => email(i, round)),
              true,
            ),
          );
          figures.emails.push(
            await write(
              'emails',
              picked.map((i) => email(i, round)),
              true,
            ),
          );
          figures.events.push(
            await write(
              'events',
              picked.map((i) => event(rows * round + i)),
              false,
            ),
          );
        }
        db.close();
        await new Promise((resolve) => {
          indexedDB.deleteDatabase(name).onsuccess = resolve;
        });
        return [
          { name: 'rewrite an email row, no index', samples: figures.bare },
          { name: 'rewrite an email row with its indexes', samples: figures.emails },
          { name: 'add an event row with its indexes', samples: figures.events },
        ];
      },
      { rows: ROWS, batch: BATCH, rounds: ROUNDS },
    );
  } finally {
    await launched.close();
  }
}
