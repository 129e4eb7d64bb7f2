import type { ListRow } from '../../lib/emails/email-row';
import { readQueryOnce } from '../../lib/messaging/use-live-query';
import type { EmailSource } from '../../lib/store/email-source';
import type { SelectedEmail } from '../../lib/store/view-store';

/** The most rows a live query answers at once (lib/messaging/queries.ts). */
const PAGE = 500;

export type Member = { id: string } & SelectedEmail;

/**
 * Everything a source holds, for "select all": a folder's keys from its indexes
 * (`folders.members`); a search's or a list's rows page by page, with each one's status, since
 * they mix folders. Damaged rows have no status to act on and are left out.
 */
export async function readSourceMembers(source: EmailSource): Promise<Member[]> {
  if (source.kind === 'folder') {
    const members = await readQueryOnce('folders.members', {
      status: source.status,
      ...(source.filter ? { filter: source.filter } : {}),
    });
    const inCampaign = new Set(members.campaignIds);
    return members.ids.map((id) => ({ id, status: source.status, campaign: inCampaign.has(id) }));
  }
  const members: Member[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page =
      source.kind === 'search'
        ? await readQueryOnce('search.run', { query: source.query, offset, limit: PAGE })
        : await readQueryOnce('lists.page', { id: source.id, offset, limit: PAGE });
    if (page === null || ('ok' in page && !page.ok)) return members;
    members.push(...page.rows.flatMap(toMember));
    if (page.rows.length < PAGE || offset + PAGE >= page.total) return members;
  }
}

function toMember(row: ListRow): Member[] {
  return row.kind === 'email' ? [{ id: row.id, status: row.status, campaign: row.campaignId !== undefined }] : [];
}
