import { stopServiceWorker } from '../support/stop-worker.ts';
import { expect, test } from './fixtures.ts';

test('stopping the service worker while the sidebar is open loses nothing; the next command succeeds', async ({
  extension,
  control,
  command,
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  const page = sidebar.page;
  await sidebar.openTab('pending');
  expect((await command('emails.saveDraft', { to: [], subject: 'Before the restart' })).ok).toBe(true);
  await expect(sidebar.folderCount('draft')).toHaveText('1');

  // Stop the extension's worker the way Chrome does when it is idle (CDP, from an extension page).
  const statuses = await stopServiceWorker(extension, control);

  // A command issued right away from the sidebar's own frame wakes the worker and succeeds.
  const frame = page.frames().find((candidate) => candidate.url().endsWith('/sidebar.html'))!;
  const response = await frame.evaluate(() =>
    chrome.runtime.sendMessage({
      channel: 'icc',
      kind: 'command',
      id: crypto.randomUUID(),
      name: 'emails.saveDraft',
      args: { to: [], subject: 'Right after the restart' },
    }),
  );
  expect(response).toMatchObject({ ok: true });

  // The sidebar reconnected and resubscribed: both drafts are counted, nothing was lost.
  await expect(sidebar.folderCount('draft')).toHaveText('2', { timeout: 3_000 });
  await expect(sidebar.frame.getByTestId('reconnecting')).toHaveCount(0);
  expect(statuses.lastIndexOf('running')).toBeGreaterThan(statuses.indexOf('stopped'));
});
