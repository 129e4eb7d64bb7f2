import { expectedDemoCounts } from '../support/expected-demo-counts.ts';
import { expect, test } from './fixtures.ts';

test('emails with an unknown status or damaged fields show under "needs attention" and never break the list', async ({
  extension,
  command,
  openSidebar,
}) => {
  expect((await command('demo.seed', {})).ok).toBe(true);
  // Rows as a newer version (or a corrupted disk) might leave them, written straight into the
  // background's IndexedDB, past all of our code.
  const worker = await extension.serviceWorker();
  await worker.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('command-center');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('emails', 'readwrite');
          const emails = tx.objectStore('emails');
          emails.put({
            id: 'from-the-future',
            status: 'quarantined',
            subject: 'Written by v9',
            to: [],
            statusAt: 1,
            folderDate: 1,
            engagement: { views: 0, clicks: 0 },
          });
          // A delivered email whose recipients and engagement were lost.
          emails.put({
            id: 'half-written',
            status: 'delivered',
            subject: 'Half written',
            statusAt: Date.now(),
            folderDate: Date.now() + 60_000,
          });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );

  const sidebar = await openSidebar();

  const attention = sidebar.frame.getByTestId('needs-attention');
  await expect(attention).toContainText('1 email needs attention');
  await attention.getByRole('button').click();
  await expect(attention).toContainText('from-the-future: unknown status "quarantined"');

  // The damaged delivered email is newest in Delivered: shown as a marked row, the rest intact.
  await expect(sidebar.row('half-written')).toContainText('Needs attention: its recipients are missing or damaged');
  await expect(sidebar.rows()).not.toHaveCount(1);
  await sidebar.openTab('pending');
  await expect(sidebar.folderCount('scheduled')).toHaveText(String(expectedDemoCounts().scheduled));
  expect(sidebar.pageErrors).toEqual([]);
});
