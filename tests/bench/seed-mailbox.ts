import type { Page } from '@playwright/test';
import { sendCommandFrom } from '../support/launch-extension.ts';

const SEED_SLICE = 5_000;

export interface SeededMailbox {
  emails: number;
  events: number;
  seconds: number;
}

/**
 * Seeds the background's IndexedDB with the demo mailbox: `emails` emails and about `events`
 * events, in slices (one command must end well within the worker's 5-minute limit per event).
 */
export async function seedMailbox(control: Page, emails: number, events: number): Promise<SeededMailbox> {
  const sentShare = 0.72; // delivered + archived emails carry the events
  const started = Date.now();
  const eventsPerEmail = Math.min(20, events / (emails * sentShare));
  const seeded = { emails: 0, events: 0 };
  for (let start = 0; start < emails; start += SEED_SLICE) {
    const slice = await sendCommandFrom(control, 'demo.seed', { emails, eventsPerEmail, start, count: SEED_SLICE });
    if (!slice.ok) throw new Error(`seeding failed: ${slice.error.message}`);
    seeded.emails += slice.value.emails;
    seeded.events += slice.value.events;
    process.stderr.write(`\rseeding: ${seeded.emails} emails, ${seeded.events} events`);
  }
  process.stderr.write('\n');
  return { ...seeded, seconds: (Date.now() - started) / 1000 };
}
