// The eight statuses an email moves through, and the folders they land in
// (product.md, "Email folders"). Folder ids double as i18n message keys' suffixes.
export const EMAIL_STATUSES = [
  'delivered',
  'archived',
  'scheduled',
  'draft',
  'sending',
  'failed',
  'bounced',
  'spam',
] as const;

export type EmailStatus = (typeof EMAIL_STATUSES)[number];

export const PRIMARY_TABS = ['sent', 'pending', 'undelivered'] as const;
export type PrimaryTab = (typeof PRIMARY_TABS)[number];

/** Sub-folders of each primary tab, in the order the seed pages list them. */
export const FOLDERS_BY_TAB: Readonly<Record<PrimaryTab, readonly [EmailStatus, ...EmailStatus[]]>> = {
  sent: ['delivered', 'archived'],
  pending: ['scheduled', 'draft', 'sending'],
  undelivered: ['failed', 'bounced', 'spam'],
};

/** Not sent (yet): nothing can have been viewed or clicked, so rows show no engagement. */
export const UNSENT_STATUSES: ReadonlySet<EmailStatus> = new Set(['scheduled', 'draft', 'sending']);

/**
 * Which way each folder lists: Scheduled shows the soonest send first (what goes out next);
 * every other folder shows the newest first.
 */
export function folderOrder(status: EmailStatus): 'newest' | 'soonest' {
  return status === 'scheduled' ? 'soonest' : 'newest';
}

export function tabOfStatus(status: EmailStatus): PrimaryTab {
  for (const tab of PRIMARY_TABS) if (FOLDERS_BY_TAB[tab].includes(status)) return tab;
  throw new Error(`status without a folder: ${status}`);
}

export function isEmailStatus(value: unknown): value is EmailStatus {
  return typeof value === 'string' && (EMAIL_STATUSES as readonly string[]).includes(value);
}

export type FolderCounts = Record<EmailStatus, number>;

export function emptyFolderCounts(): FolderCounts {
  return Object.fromEntries(EMAIL_STATUSES.map((status) => [status, 0])) as FolderCounts;
}
