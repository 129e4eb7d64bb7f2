import * as v from 'valibot';
import type { CommandCenterDb } from '../db/database';
import type { EmailRecord, Recipient } from '../db/records';
import { Refusal } from '../errors/refusal';
import { normalAddress, writableRecipients } from '../people/address-standing';
import { checkQuery } from '../search/query';
import { findMatches } from '../search/run-search';
import { listCountId } from './list-membership';

// Retarget (issue #15, item 4): the people a list's emails went to, as recipients of a new email.
// Each address once, never one that is not an address, never one who bounced hard or complained;
// the rep is told how many were left out and why.

/** A compose field holds this many at most (Gmail and Outlook both slow down far before). */
export const RETARGET_MAX = 500;
/** More than a handful: Bcc, so the recipients do not see each other. */
export const HANDFUL = 5;

export interface RetargetChoice {
  id: string;
  name: string;
  /** Emails in the list. */
  count: number;
  /** The addresses Retarget would fill in (valid, each once, none who bounced or complained). */
  addresses: number;
}

export interface RetargetRecipients {
  recipients: Recipient[];
  skipped: { invalid: number; duplicate: number; bounced: number; complained: number; overLimit: number };
  /** Where they should go: Bcc when there are more than a handful. */
  field: 'to' | 'bcc';
}

/** The address check every command with recipients makes (lib/messaging/commands.ts): valibot's email(). */
const address = v.pipe(v.string(), v.email());

/** The lists a compose can retarget: not deleted, runnable here, with their size; by name. */
export async function retargetChoices(db: CommandCenterDb): Promise<RetargetChoice[]> {
  const lists = (await db.savedSearches.toArray()).filter(
    (list) => list.deletedAt === undefined && checkQuery(list.query).ok,
  );
  const counts = await db.counters.bulkGet(lists.map((list) => listCountId(list.id)));
  const choices: RetargetChoice[] = [];
  for (const [index, list] of lists.entries()) {
    const { recipients } = await retargetRecipients(db, list.id);
    choices.push({ id: list.id, name: list.name, count: counts[index]?.value ?? 0, addresses: recipients.length });
  }
  return choices.sort((a, b) => a.name.localeCompare(b.name));
}

/** The recipients of a list's emails, cleaned, in the list's order of first appearance. */
export async function retargetRecipients(db: CommandCenterDb, listId: string): Promise<RetargetRecipients> {
  const members = await db.emails.where('lists').equals(listId).sortBy('folderDate');
  return cleanRecipients(db, members.reverse());
}

/** The recipients of a search's results (Retarget from the sidebar's search). */
export async function searchRecipients(db: CommandCenterDb, query: unknown): Promise<RetargetRecipients> {
  const found = await findMatches(db, query);
  if (!Array.isArray(found))
    throw new Refusal(
      'conflict',
      found.problem === 'newer' ? 'This search is from a newer version.' : `The search is not valid: ${found.field}.`,
    );
  return cleanRecipients(db, found);
}

export async function cleanRecipients(
  db: CommandCenterDb,
  emails: readonly EmailRecord[],
): Promise<RetargetRecipients> {
  const skipped = { invalid: 0, duplicate: 0, bounced: 0, complained: 0, overLimit: 0 };
  const seen = new Set<string>();
  const candidates: Recipient[] = [];
  for (const recipient of emails.flatMap((email) => email.to)) {
    const key = normalAddress(recipient.address ?? '');
    if (!v.is(address, key)) skipped.invalid++;
    else if (seen.has(key)) skipped.duplicate++;
    else {
      seen.add(key);
      candidates.push(
        recipient.name
          ? { address: recipient.address.trim(), name: recipient.name }
          : { address: recipient.address.trim() },
      );
    }
  }
  const split = await writableRecipients(db, candidates);
  skipped.bounced = split.bounced.length;
  skipped.complained = split.complained.length;
  skipped.overLimit = Math.max(0, split.keep.length - RETARGET_MAX);
  const recipients = split.keep.slice(0, RETARGET_MAX);
  return { recipients, skipped, field: recipients.length > HANDFUL ? 'bcc' : 'to' };
}
