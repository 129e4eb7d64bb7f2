import type { Frame } from '@playwright/test';
import type { TaskView } from '../../lib/tasks/task-views.ts';
import {
  launchWithExtension,
  openControlPage,
  readLiveQueryOnce,
  sendCommandFrom,
} from '../support/launch-extension.ts';
import { findSidebarFrame } from '../support/sidebar-frame.ts';
import { GMAIL_INBOX_URL, serveWebmail } from '../support/webmail-routes.ts';
import { timeQuery } from './folder-queries.ts';

// The Tasks tab with 10,000 open tasks: each view's first page (with all six counts, as the tab
// asks for them) as a fresh live-query round trip, and the time from pressing x on a row to the
// list and the counts showing it done, measured in the sidebar itself.

/** lib/tasks/task-views.ts TASK_VIEWS (lib imports without extensions, which node cannot load). */
const TASK_VIEWS: TaskView[] = ['overdue', 'today', 'tomorrow', 'next7', 'open', 'completed'];

/** Every sixth demo task is completed: this many make 10,000 open ones. */
const SEEDED = 12_000;

/** Presses x on the first row and resolves once that row is gone and the All open count moved. */
function completeFirst(frame: Frame): Promise<number> {
  return frame.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const row = document.querySelector<HTMLElement>('[data-testid="task-row"]');
        const count = document.querySelector('[data-testid="task-count-open"]');
        if (!row || !count) return reject(new Error('no task row or count'));
        const id = row.dataset.id;
        const before = count.textContent;
        const done = () =>
          document.querySelector<HTMLElement>('[data-testid="task-row"]')?.dataset.id !== id &&
          document.querySelector('[data-testid="task-count-open"]')?.textContent !== before;
        const main = row.querySelector<HTMLElement>('.task-main');
        main?.focus();
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now() - started);
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        main?.dispatchEvent(new KeyboardEvent('keydown', { key: 'x', bubbles: true }));
        setTimeout(() => reject(new Error('the completed task never left the list')), 5_000);
      }),
  );
}

export async function measureTasks(runs = 9) {
  const launched = await launchWithExtension();
  try {
    await serveWebmail(launched.context);
    const control = await openControlPage(launched);
    const seeded = await sendCommandFrom(control, 'demo.seed', { emails: 200, tasks: SEEDED });
    if (!seeded.ok) throw new Error(`seeding failed: ${seeded.error.message}`);
    const clock = { now: Date.now(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone };
    const counts = await readLiveQueryOnce(control, 'tasks.counts', clock);
    const timings: { name: string; samples: number[] }[] = [];
    const measure = async (name: string, query: string, args: unknown) => {
      await timeQuery(control, query, args);
      const samples: number[] = [];
      for (let run = 0; run < runs; run++) samples.push(await timeQuery(control, query, args));
      timings.push({ name, samples });
    };
    await measure('all six task counts', 'tasks.counts', clock);
    for (const view of TASK_VIEWS)
      await measure(`first page of ${view} (50 rows, with the counts)`, 'tasks.page', {
        ...clock,
        view,
        offset: 0,
        limit: 50,
      });
    await measure('Do mode queue (200 tasks)', 'tasks.queue', { ...clock, limit: 200 });

    const page = await launched.context.newPage();
    await page.goto(GMAIL_INBOX_URL);
    const frame = await findSidebarFrame(page, 10_000);
    await frame.locator('[data-testid="sections"] [data-key="tasks"]').click();
    await frame.locator('[data-testid="task-views"] [data-key="open"]').click();
    await frame.getByTestId('task-row').first().waitFor();
    await completeFirst(frame); // warm-up
    const complete: number[] = [];
    for (let run = 0; run < runs; run++) {
      await page.waitForTimeout(300);
      complete.push(await completeFirst(frame));
    }
    timings.push({ name: 'x on a row → row gone and counts moved, in the sidebar', samples: complete });
    return { counts, timings };
  } finally {
    await launched.close();
  }
}
