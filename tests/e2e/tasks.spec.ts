import type { Frame } from '@playwright/test';
import { demoPeople } from '../../lib/demo/demo-mailbox.ts';
import { expect, test } from './fixtures.ts';

// The Tasks tab as a rep uses it: quick add in their language, one-click and `x` completion with
// Undo, and Do mode working the queue, an Email task opening a prefilled compose in Gmail.

const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

async function openTasks(frame: Frame, view: string) {
  await frame.locator('[data-testid="sections"] [data-key="tasks"]').click();
  await frame.locator(`[data-testid="task-views"] [data-key="${view}"]`).click();
}

const rowTitles = (frame: Frame) => frame.getByTestId('task-row').locator('.task-title').allInnerTexts();

test('quick add in English: the preview says what was understood, Enter saves it as a Tomorrow task', async ({
  openSidebar,
}) => {
  const sidebar = await openSidebar();
  const frame = sidebar.frame;
  await openTasks(frame, 'tomorrow');
  await expect(frame.getByTestId('task-count-tomorrow')).toHaveText('0');
  await frame.getByTestId('quick-add').fill('Call Dana tomorrow 9am high');
  await expect(frame.getByTestId('preview-type')).toContainText('Call');
  await expect(frame.getByTestId('preview-due')).toHaveText(/^tomorrow 9:00\sAM$/);
  await expect(frame.getByTestId('preview-priority')).toBeVisible();
  await expect(frame.getByTestId('preview-person')).toContainText('Dana');
  await frame.getByTestId('quick-add').press('Enter');
  await expect(frame.getByTestId('task-count-tomorrow')).toHaveText('1');
  await expect.poll(() => rowTitles(frame)).toEqual(['Call Dana']);
  await expect(frame.getByTestId('task-row').getByTestId('task-high')).toBeVisible();
  await expect(frame.getByTestId('quick-add')).toHaveValue('');

  // What is not understood is kept as typed and named.
  await frame.getByTestId('quick-add').fill('Send the deck next blursday');
  await expect(frame.getByTestId('preview-note')).toContainText('saved without a due date');
  await frame.getByTestId('quick-add').press('Enter');
  await openTasks(frame, 'open');
  await expect.poll(() => rowTitles(frame)).toContain('Send the deck next blursday');
});

test.describe('in German', () => {
  test.use({ launch: { locale: 'de' } });
  test('quick add reads “morgen um 9 Uhr” and the type word in German', async ({ openSidebar }) => {
    const sidebar = await openSidebar();
    const frame = sidebar.frame;
    await openTasks(frame, 'tomorrow');
    await frame.getByTestId('quick-add').fill('Dana morgen um 9 Uhr anrufen');
    await expect(frame.getByTestId('preview-type')).toContainText('Anruf');
    await expect(frame.getByTestId('preview-due')).toHaveText('morgen 09:00');
    await frame.getByTestId('quick-add').press('Enter');
    await expect(frame.getByTestId('task-count-tomorrow')).toHaveText('1');
    await expect.poll(() => rowTitles(frame)).toEqual(['Dana anrufen']);
    await expect(frame.getByTestId('toast')).toContainText('Aufgabe hinzugefügt');
  });
});

test('one click completes a task, Undo brings it back exactly, and x completes the focused one', async ({
  openSidebar,
  command,
}) => {
  const today = new Date();
  const at = (hour: number) => new Date(today.getFullYear(), today.getMonth(), today.getDate(), hour).getTime();
  for (const [title, hour] of [
    ['Call Ana', 20],
    ['Email Ben', 21],
    ['Write to Cy', 22],
  ] as const) {
    const created = await command('tasks.create', {
      task: { type: 'custom', title, due: { kind: 'dateTime', at: at(hour) }, priority: 'normal' },
      timeZone: zone(),
    });
    expect(created.ok).toBe(true);
  }
  const sidebar = await openSidebar();
  const frame = sidebar.frame;
  await openTasks(frame, 'open');
  await expect.poll(() => rowTitles(frame)).toEqual(['Call Ana', 'Email Ben', 'Write to Cy']);

  await frame.getByTestId('task-row').first().getByTestId('task-complete').click();
  await expect.poll(() => rowTitles(frame)).toEqual(['Email Ben', 'Write to Cy']);
  await expect(frame.getByTestId('task-count-open')).toHaveText('2');
  await expect(frame.getByTestId('task-count-completed')).toHaveText('1');
  await frame.getByTestId('toast').getByRole('button').click();
  await expect.poll(() => rowTitles(frame)).toEqual(['Call Ana', 'Email Ben', 'Write to Cy']);
  await expect(frame.getByTestId('task-count-completed')).toHaveText('0');

  // Keys: j moves down, x completes the focused task.
  await frame.getByTestId('task-row').first().locator('.task-main').focus();
  await frame.locator('body').press('j');
  await expect(frame.getByTestId('task-row').nth(1).locator('.task-main')).toBeFocused();
  await frame.locator('body').press('x');
  await expect.poll(() => rowTitles(frame)).toEqual(['Call Ana', 'Write to Cy']);
  await openTasks(frame, 'completed');
  await expect.poll(() => rowTitles(frame)).toEqual(['Email Ben']);
});

test('Do mode works three tasks in order; the Email task opens a prefilled compose in Gmail', async ({
  openSidebar,
  command,
}) => {
  await command('demo.seed', {});
  const person = demoPeople()[0]!;
  // Far overdue, so they lead the queue ahead of the demo's tasks, in this order.
  const due = (day: number) => ({ kind: 'dateTime' as const, at: Date.UTC(2020, 0, day, 9) });
  const tasks = [
    {
      type: 'email' as const,
      title: 'Send the pricing sheet',
      personId: person.id,
      notes: 'Attached as promised.',
      due: due(1),
    },
    { type: 'call' as const, title: 'Call about the pilot', personId: person.id, due: due(2) },
    { type: 'linkedin' as const, title: 'Connect on LinkedIn', personId: person.id, due: due(3) },
  ];
  for (const task of tasks) await command('tasks.create', { task: { ...task, priority: 'normal' }, timeZone: zone() });

  const sidebar = await openSidebar();
  const frame = sidebar.frame;
  // The fixture opens a draft at load; the prefilled compose is a new one, so that one goes first.
  const composes = sidebar.page.locator('.AD');
  await sidebar.page.locator('.AD .Ha').click();
  await expect(composes).toHaveCount(0);
  await openTasks(frame, 'overdue');
  await frame.getByTestId('do-start').click();
  const card = frame.getByTestId('do-card');
  await expect(card).toContainText('Send the pricing sheet');
  await expect(frame.getByTestId('do-progress')).toHaveText(/^1 of \d+$/);

  await frame.getByTestId('task-write-email').click();
  await expect(composes).toHaveCount(1);
  const compose = composes.first();
  await expect(compose.locator('input[name=subjectbox]')).toHaveValue('Send the pricing sheet');
  await expect(compose.locator(`.anm[name="to"] [role=option][data-hovercard-id="${person.email}"]`)).toBeVisible();
  await expect(compose.locator('[g_editable=true]')).toContainText('Attached as promised.');

  await frame.getByTestId('do-complete').click();
  await expect(card).toContainText('Call about the pilot');
  await expect(frame.getByTestId('do-progress')).toHaveText(/^2 of \d+$/);
  await expect(frame.getByTestId('task-call')).toHaveAttribute('href', `tel:${person.phone?.replace(/[^\d+]/g, '')}`);
  await frame.getByTestId('do-skip').click();

  await expect(card).toContainText('Connect on LinkedIn');
  await expect(frame.getByTestId('task-linkedin')).toHaveAttribute(
    'href',
    /linkedin\.com\/search\/results\/people\/\?keywords=/,
  );
  await frame.getByTestId('do-snooze').click();
  await frame.getByTestId('snooze-tomorrow').click();
  await expect(frame.getByTestId('do-progress')).toHaveText(/^4 of \d+$/);
  await frame.getByTestId('do-exit').click();

  await openTasks(frame, 'completed');
  await expect
    .poll(() => rowTitles(frame))
    .toEqual(expect.arrayContaining(['Send the pricing sheet', 'Call about the pilot']));
  await openTasks(frame, 'tomorrow');
  await expect.poll(() => rowTitles(frame)).toContain('Connect on LinkedIn');
});
