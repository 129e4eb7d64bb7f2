import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEmail } from '../../tests/support/test-emails';
import { CommandCenterDb } from '../db/database';
import { readFolderCounts, recountFolders } from './folder-counters';
import { UNTRACKED_REASONS, type UntrackedReason } from './local-reasons';
import { recoverStuckSends, STUCK_AFTER_MS } from './recover-stuck-sends';
import type { EmailStatus } from './status';
import {
  deliverPastUndo,
  nextUndoWindowEnd,
  recordDiscarded,
  recordHandover,
  recordNotSent,
  recordSending,
  recordUndo,
  type WebmailSend,
} from './webmail-sends';

let db: CommandCenterDb;
beforeEach(() => {
  db = new CommandCenterDb(`test-${crypto.randomUUID()}`);
});
afterEach(() => db.delete());

const T0 = 1_700_000_000_000;
const WINDOW = 30_000;

const DANA = { address: 'dana@example.com', name: 'Dana Whitfield' };
const send = (id: string, extra: Partial<WebmailSend> = {}): WebmailSend => ({
  id,
  site: 'gmail',
  to: [DANA],
  cc: [{ address: 'lee@example.com' }],
  bcc: [{ address: 'boss@example.com' }],
  subject: 'Pricing proposal – Harborview rollout',
  bodyPreview: 'Hi Dana, here is the proposal we talked about',
  ...extra,
});

/** Recorded at T0 and handed over to the webmail at T0 + 1 s, with a 30 s Undo window. */
async function handedOver(id: string, extra: Partial<WebmailSend> = {}, tracked = true) {
  await recordSending(db, send(id, extra), T0);
  return recordHandover(db, { send: send(id, extra), tracked, undoWindowMs: WINDOW }, T0 + 1_000);
}

const statusOf = async (id: string) => (await db.emails.get(id))?.status;

/** The folders a rep sees, checked against a full recount so the counters cannot drift. */
async function folders(): Promise<Partial<Record<EmailStatus, number>>> {
  const counts = await readFolderCounts(db);
  expect(counts).toEqual(await recountFolders(db));
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
}

describe('pressing Send in the webmail', () => {
  it('shows one In Progress row with everything the compose held', async () => {
    const email = await recordSending(db, send('m1', { threadId: 'thread-a:r-1', draftId: 'msg-a:r-9' }), T0);
    expect(await db.emails.get('m1')).toMatchObject(email);
    expect(email).toMatchObject({
      status: 'sending',
      to: [DANA],
      cc: [{ address: 'lee@example.com' }],
      bcc: [{ address: 'boss@example.com' }],
      origin: 'gmail',
      bodyPreview: 'Hi Dana, here is the proposal we talked about',
      threadId: 'thread-a:r-1',
      webmailDraftId: 'msg-a:r-9',
      tracking: false,
      createdAt: T0,
    });
    expect(email.undoUntil).toBeUndefined();
    expect(email.statusHistory.map((entry) => entry.reasonCode)).toEqual(['send.fromWebmail']);
    expect(await folders()).toEqual({ sending: 1 });
  });

  it('a second Send event with the same id changes nothing', async () => {
    await recordSending(db, send('m1'), T0);
    const before = await db.emails.get('m1');
    const second = await recordSending(db, send('m1', { subject: 'Other subject', site: 'outlook' }), T0 + 5_000);
    expect(second).toEqual(before);
    expect(await db.emails.get('m1')).toEqual(before);
    expect(before).toMatchObject({ subject: 'Pricing proposal – Harborview rollout', origin: 'gmail', createdAt: T0 });
    expect(await db.emails.count()).toBe(1);
    expect(await folders()).toEqual({ sending: 1 });
  });

  it('keeps the campaign the rep picked by id', async () => {
    await db.campaigns.add({ id: 'camp-1', name: 'Q3 launch', createdAt: 1 });
    const email = await recordSending(db, send('m1', { campaign: { id: 'camp-1' } }), T0);
    expect(email.campaignId).toBe('camp-1');
  });

  it('a campaign id that no longer exists leaves the email without a campaign', async () => {
    const email = await recordSending(db, send('m1', { campaign: { id: 'gone' } }), T0);
    expect(email.campaignId).toBeUndefined();
    expect(await db.campaigns.count()).toBe(0);
  });

  it.each([
    ['the same name', 'Q3 launch'],
    ['other case', 'q3 LAUNCH'],
    ['outer spaces', '  Q3 launch '],
  ])('a typed name that exists (%s) joins that campaign, not a copy', async (_case, typed) => {
    await db.campaigns.add({ id: 'camp-1', name: 'Q3 launch', createdAt: 1 });
    const email = await recordSending(db, send('m1', { campaign: { name: typed } }), T0);
    expect(email.campaignId).toBe('camp-1');
    expect(await db.campaigns.count()).toBe(1);
  });

  it('a new name makes one campaign, which the next send with that name in other case joins', async () => {
    const first = await recordSending(db, send('m1', { campaign: { name: 'Harborview' } }), T0);
    const second = await recordSending(db, send('m2', { campaign: { name: 'HARBORVIEW' } }), T0);
    expect(first.campaignId).toBeDefined();
    expect(second.campaignId).toBe(first.campaignId);
    expect(await db.campaigns.toArray()).toEqual([{ id: first.campaignId, name: 'Harborview', createdAt: T0 }]);
  });

  it('sending again after Undo replaces the Draft the undo left', async () => {
    await handedOver('m1');
    await recordUndo(db, 'm1', T0 + 5_000);
    expect(await folders()).toEqual({ draft: 1 });
    await recordSending(db, send('m2', { replaces: 'm1' }), T0 + 20_000);
    expect(await db.emails.get('m1')).toBeUndefined();
    expect(await folders()).toEqual({ sending: 1 });
  });

  it('`replaces` never removes a draft written in the sidebar', async () => {
    await db.emails.put(testEmail('own', 'draft'));
    await recountFolders(db);
    await recordSending(db, send('m2', { replaces: 'own' }), T0);
    expect(await statusOf('own')).toBe('draft');
    expect(await folders()).toEqual({ draft: 1, sending: 1 });
  });

  it('`replaces` never removes a send that was not undone', async () => {
    await handedOver('m1');
    await recordSending(db, send('m2', { replaces: 'm1' }), T0 + 2_000);
    expect(await statusOf('m1')).toBe('sending');
    expect(await folders()).toEqual({ sending: 2 });
  });
});

describe('the webmail taking the email', () => {
  it('a tracked send stays In Progress with its send time and Undo window', async () => {
    const email = await handedOver('m1');
    expect(email).toMatchObject({ status: 'sending', tracking: true, sentAt: T0 + 1_000, undoUntil: T0 + 31_000 });
    expect(email.untrackedReason).toBeUndefined();
    expect(email.untrackedCode).toBeUndefined();
    expect(await db.emails.get('m1')).toMatchObject({ tracking: true, undoUntil: T0 + 31_000 });
    expect(await folders()).toEqual({ sending: 1 });
  });

  it.each<[string, UntrackedReason | undefined, UntrackedReason]>([
    ['no reason given is the rep’s choice', undefined, { code: 'untracked.byRep' }],
    [
      'never-track',
      { code: 'untracked.neverTrack', params: { recipient: 'dana@example.com' } },
      { code: 'untracked.neverTrack', params: { recipient: 'dana@example.com' } },
    ],
    [
      'a server problem, with its detail',
      { code: 'untracked.serverProblem', params: { problem: 'keyRefused' }, detail: 'HTTP 401' },
      { code: 'untracked.serverProblem', params: { problem: 'keyRefused' }, detail: 'HTTP 401' },
    ],
    [
      'a slow server',
      { code: 'untracked.serverSlow', params: { seconds: 1 } },
      { code: 'untracked.serverSlow', params: { seconds: 1 } },
    ],
  ])('an untracked send keeps why: %s', async (_case, given, expected) => {
    await recordSending(db, send('m1'), T0);
    const email = await recordHandover(
      db,
      { send: send('m1'), tracked: false, untracked: given, undoWindowMs: WINDOW },
      T0 + 1_000,
    );
    const stored = await db.emails.get('m1');
    expect(stored).toEqual(email);
    expect(stored).toMatchObject({
      tracking: false,
      untrackedReason: UNTRACKED_REASONS[expected.code],
      untrackedCode: expected.code,
      untrackedParams: expected.params,
      untrackedDetail: expected.detail,
      sentAt: T0 + 1_000,
      undoUntil: T0 + 31_000,
    });
  });

  it('a tracked handover ignores a stray untracked reason', async () => {
    await recordSending(db, send('m1'), T0);
    const email = await recordHandover(
      db,
      { send: send('m1'), tracked: true, untracked: { code: 'untracked.noServer' }, undoWindowMs: WINDOW },
      T0,
    );
    expect(email.tracking).toBe(true);
    expect(email.untrackedCode).toBeUndefined();
  });

  it('stands on its own when the Send record was lost', async () => {
    const email = await recordHandover(
      db,
      { send: send('m1', { campaign: { name: 'Harborview' } }), tracked: false, undoWindowMs: WINDOW },
      T0,
    );
    expect(await db.emails.get('m1')).toMatchObject({
      status: 'sending',
      to: [DANA],
      cc: [{ address: 'lee@example.com' }],
      origin: 'gmail',
      campaignId: email.campaignId,
      untrackedCode: 'untracked.byRep',
      undoUntil: T0 + WINDOW,
    });
    expect(await db.campaigns.count()).toBe(1);
    expect(await folders()).toEqual({ sending: 1 });
  });

  it('a late handover does not bring back a send already undone or delivered', async () => {
    await handedOver('undone');
    await recordUndo(db, 'undone', T0 + 2_000);
    await handedOver('delivered');
    await deliverPastUndo(db, T0 + 60_000);
    for (const [id, status] of [
      ['undone', 'draft'],
      ['delivered', 'delivered'],
    ] as const) {
      await recordHandover(db, { send: send(id), tracked: true, undoWindowMs: WINDOW }, T0 + 70_000);
      expect(await db.emails.get(id), id).toMatchObject({ status });
    }
    expect(await folders()).toEqual({ draft: 1, delivered: 1 });
  });
});

describe('the Undo window passing', () => {
  it('leaves a send whose window is open In Progress and says when it ends', async () => {
    await handedOver('m1');
    expect(await deliverPastUndo(db, T0 + 30_999)).toBe(T0 + 31_000);
    expect(await statusOf('m1')).toBe('sending');
  });

  it('moves it to Delivered once past, with the reason in its history', async () => {
    await handedOver('m1');
    expect(await deliverPastUndo(db, T0 + 31_001)).toBeUndefined();
    const email = await db.emails.get('m1');
    expect(email).toMatchObject({ status: 'delivered', statusAt: T0 + 31_001, sentAt: T0 + 1_000, tracking: true });
    expect(email?.undoUntil).toBeUndefined();
    expect(email?.statusHistory.at(-1)).toMatchObject({ status: 'delivered', reasonCode: 'send.undoWindowPassed' });
    expect(await folders()).toEqual({ delivered: 1 });
  });

  it('delivers the ones past and returns the earliest window still open', async () => {
    await handedOver('past');
    for (const [id, at] of [
      ['later', T0 + 20_000],
      ['sooner', T0 + 10_000],
    ] as const) {
      await recordHandover(db, { send: send(id), tracked: true, undoWindowMs: WINDOW }, at);
    }
    expect(await deliverPastUndo(db, T0 + 35_000)).toBe(T0 + 40_000);
    expect(await statusOf('past')).toBe('delivered');
    expect(await statusOf('sooner')).toBe('sending');
    expect(await statusOf('later')).toBe('sending');
    expect(await folders()).toEqual({ delivered: 1, sending: 2 });
  });

  it('`upTo` ends that one window early (the webmail said it is sent), and only that one', async () => {
    await handedOver('m1');
    await handedOver('m2');
    expect(await deliverPastUndo(db, T0 + 2_000, 'm1')).toBe(T0 + 31_000);
    expect(await statusOf('m1')).toBe('delivered');
    expect(await statusOf('m2')).toBe('sending');
  });

  it('never delivers a send the webmail has not taken yet', async () => {
    await recordSending(db, send('m1'), T0);
    expect(await deliverPastUndo(db, T0 + 10 * 60_000, 'm1')).toBeUndefined();
    expect(await statusOf('m1')).toBe('sending');
  });

  it('nextUndoWindowEnd is the earliest open window, ignoring sends not handed over', async () => {
    expect(await nextUndoWindowEnd(db)).toBeUndefined();
    await recordSending(db, send('waiting'), T0);
    expect(await nextUndoWindowEnd(db)).toBeUndefined();
    await recordHandover(db, { send: send('a'), tracked: true, undoWindowMs: WINDOW }, T0 + 5_000);
    await recordHandover(db, { send: send('b'), tracked: true, undoWindowMs: 10_000 }, T0 + 5_000);
    expect(await nextUndoWindowEnd(db)).toBe(T0 + 15_000);
    await deliverPastUndo(db, T0 + 15_000, 'b');
    expect(await nextUndoWindowEnd(db)).toBe(T0 + 35_000);
  });
});

describe('Undo Send', () => {
  it('in time, the email is a Draft again, untracked and without a window', async () => {
    await handedOver('m1');
    const email = await recordUndo(db, 'm1', T0 + 10_000);
    expect(await db.emails.get('m1')).toEqual(email);
    expect(email).toMatchObject({ status: 'draft', tracking: false, statusAt: T0 + 10_000 });
    expect(email?.undoUntil).toBeUndefined();
    expect(email?.sentAt).toBeUndefined();
    expect(email?.statusHistory.at(-1)).toMatchObject({ status: 'draft', reasonCode: 'send.undone' });
    expect(await folders()).toEqual({ draft: 1 });
  });

  it('an undone send is never delivered afterwards', async () => {
    await handedOver('m1');
    await recordUndo(db, 'm1', T0 + 10_000);
    expect(await deliverPastUndo(db, T0 + 10 * 60_000, 'm1')).toBeUndefined();
    expect(await statusOf('m1')).toBe('draft');
  });

  it('after delivery it is too late: the row stays Delivered', async () => {
    await handedOver('m1');
    await deliverPastUndo(db, T0 + 31_001);
    expect(await recordUndo(db, 'm1', T0 + 32_000)).toBeUndefined();
    expect(await db.emails.get('m1')).toMatchObject({ status: 'delivered', tracking: true, sentAt: T0 + 1_000 });
    expect(await folders()).toEqual({ delivered: 1 });
  });

  it('an unknown id changes nothing', async () => {
    expect(await recordUndo(db, 'nobody', T0)).toBeUndefined();
    expect(await db.emails.count()).toBe(0);
  });
});

describe('the webmail not sending, and discarding', () => {
  it('a send never handed over goes away when the webmail did not take it', async () => {
    await recordSending(db, send('m1'), T0);
    expect(await recordNotSent(db, 'm1')).toBe(true);
    expect(await db.emails.get('m1')).toBeUndefined();
    expect(await folders()).toEqual({});
  });

  it.each<[string, () => Promise<unknown>]>([
    ['a send the webmail took', () => handedOver('m1')],
    ['our own send in progress', () => db.emails.put(testEmail('m1', 'sending'))],
  ])('recordNotSent keeps %s', async (_case, arrange) => {
    await arrange();
    await recountFolders(db);
    expect(await recordNotSent(db, 'm1')).toBe(false);
    expect(await statusOf('m1')).toBe('sending');
    expect(await folders()).toEqual({ sending: 1 });
  });

  it('discarding the draft an Undo left removes its row', async () => {
    await handedOver('m1');
    await recordUndo(db, 'm1', T0 + 2_000);
    expect(await recordDiscarded(db, 'm1')).toBe(true);
    expect(await db.emails.get('m1')).toBeUndefined();
    expect(await folders()).toEqual({});
  });

  it.each<[string, () => Promise<unknown>, EmailStatus]>([
    ['a draft written in the sidebar', () => db.emails.put(testEmail('m1', 'draft')), 'draft'],
    ['a webmail send still In Progress', () => handedOver('m1'), 'sending'],
  ])('recordDiscarded keeps %s', async (_case, arrange, status) => {
    await arrange();
    await recountFolders(db);
    expect(await recordDiscarded(db, 'm1')).toBe(false);
    expect(await statusOf('m1')).toBe(status);
  });
});

describe('folder counts through a whole send, undo and resend', () => {
  it('follow every step', async () => {
    const steps: [string, () => Promise<unknown>, Partial<Record<EmailStatus, number>>][] = [
      ['Send', () => recordSending(db, send('m1'), T0), { sending: 1 }],
      [
        'handover',
        () => recordHandover(db, { send: send('m1'), tracked: true, undoWindowMs: WINDOW }, T0),
        { sending: 1 },
      ],
      ['Undo', () => recordUndo(db, 'm1', T0 + 5_000), { draft: 1 }],
      ['Send again', () => recordSending(db, send('m2', { replaces: 'm1' }), T0 + 9_000), { sending: 1 }],
      [
        'handover',
        () => recordHandover(db, { send: send('m2'), tracked: false, undoWindowMs: WINDOW }, T0 + 10_000),
        { sending: 1 },
      ],
      ['a second compose', () => recordSending(db, send('m3'), T0 + 11_000), { sending: 2 }],
      ['it is refused', () => recordNotSent(db, 'm3'), { sending: 1 }],
      ['window passes', () => deliverPastUndo(db, T0 + 40_001), { delivered: 1 }],
    ];
    for (const [step, act, expected] of steps) {
      await act();
      expect(await folders(), step).toEqual(expected);
    }
  });
});

describe('recovering stuck sends', () => {
  it('leaves a send the webmail took alone, however old, and still fails one of ours', async () => {
    await handedOver('webmail');
    await db.emails.put(testEmail('ours', 'sending', { statusAt: T0 }));
    await recountFolders(db);
    const later = T0 + STUCK_AFTER_MS + 60_000;
    expect(await recoverStuckSends(db, later)).toEqual(['ours']);
    expect(await db.emails.get('webmail')).toMatchObject({ status: 'sending', undoUntil: T0 + 31_000 });
    expect(await statusOf('ours')).toBe('failed');
    // The window passing still delivers it.
    await deliverPastUndo(db, later);
    expect(await statusOf('webmail')).toBe('delivered');
  });
});
