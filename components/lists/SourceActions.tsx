import { useRef, useState } from 'preact/hooks';
import { formatCount, t, tn } from '../../lib/i18n/t';
import { skippedText } from '../../lib/lists/retarget-text';
import { sendCommand } from '../../lib/messaging/client';
import { requestCompose } from '../../lib/messaging/frame-host';
import type { ExportSource } from '../../lib/search/csv-export';
import type { SearchQuery } from '../../lib/search/query';
import { type FollowUpChoice, FollowUpDialog } from '../emails/FollowUpDialog';
import { readSourceMembers } from '../emails/read-source-members';
import { ErrorNote } from '../ui/ErrorNote';

/** A prefilled compose takes this many recipients (lib/messaging/protocol.ts). */
const COMPOSE_PREFILL_MAX = 200;
/** Emails per `tasks.followUpEach`: progress moves, and a cancel waits for at most this many. */
const TASK_CHUNK = 50;

/**
 * What a list or a search offers beside its rows: Retarget (a new compose in the webmail, its
 * people in To for a handful, in Bcc beyond) and a CSV of its emails. Each says what it did, or
 * what failed.
 */
export function SourceActions({ source }: { source: ExportSource }) {
  const [note, setNote] = useState<{ text: string; error?: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const cancelled = useRef(false);

  // A task for each email, type and due chosen once; in chunks, so it shows progress and stops
  // between two chunks when the rep cancels (the tasks made so far stay, and are counted).
  const tasksForEach = (choice: FollowUpChoice) => {
    setChoosing(false);
    cancelled.current = false;
    return run(async () => {
      const members = await readSourceMembers(
        source.kind === 'list'
          ? { kind: 'list', id: source.id }
          : { kind: 'search', query: source.query as SearchQuery },
      );
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      let made = 0;
      let failed = 0;
      setProgress({ done: 0, total: members.length });
      try {
        for (let start = 0; start < members.length && !cancelled.current; start += TASK_CHUNK) {
          const ids = members.slice(start, start + TASK_CHUNK).map((member) => member.id);
          const result = await sendCommand('tasks.followUpEach', {
            ids,
            type: choice.type,
            due: { kind: 'day', day: choice.day },
            timeZone,
          });
          made += result.done.length;
          failed += result.failed.length;
          setProgress({ done: start + ids.length, total: members.length });
        }
      } finally {
        setProgress(null);
      }
      const said = [tn('tasksMadeForEach', made)];
      if (failed) said.push(tn('tasksNotMadeForEach', failed));
      if (cancelled.current) said.push(t('tasksForEachStopped'));
      return said.join(' ');
    });
  };

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setNote({ text: await work() });
    } catch (error) {
      setNote({ text: error instanceof Error ? error.message : String(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  const retarget = () =>
    run(async () => {
      const result =
        source.kind === 'list'
          ? await sendCommand('retarget.recipients', { id: source.id })
          : await sendCommand('retarget.searchRecipients', { query: source.query });
      const recipients = result.recipients.slice(0, COMPOSE_PREFILL_MAX);
      const beyond = result.recipients.length - recipients.length;
      const skipped = { ...result.skipped, overLimit: result.skipped.overLimit + beyond };
      if (recipients.length === 0) return [t('retargetNoneAdded'), skippedText(skipped)].filter(Boolean).join(' ');
      requestCompose(result.field === 'bcc' ? { bcc: recipients } : { to: recipients });
      const field = t(result.field === 'bcc' ? 'retargetFieldBcc' : 'retargetFieldTo');
      return [tn('retargetOpened', recipients.length, [field]), skippedText(skipped)].filter(Boolean).join(' ');
    });

  const exportCsv = () =>
    run(async () => {
      const { filename, csv, rows } = await sendCommand('export.csv', { source });
      const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return tn('listExported', rows, [filename]);
    });

  return (
    <div class="list-actions" data-testid="list-actions">
      <button type="button" data-testid="list-retarget" disabled={busy} onClick={retarget}>
        {t('retargetButton')}
      </button>
      <button type="button" data-testid="list-export" disabled={busy} onClick={exportCsv}>
        {t('listExport')}
      </button>
      <button type="button" data-testid="list-tasks" disabled={busy} onClick={() => setChoosing(true)}>
        {t('tasksForEach')}
      </button>
      {progress && (
        <div class="list-progress" role="status" data-testid="list-tasks-progress">
          <span>{t('tasksForEachProgress', [formatCount(progress.done), formatCount(progress.total)])}</span>
          <progress max={progress.total} value={progress.done} />
          <button type="button" data-testid="list-tasks-cancel" onClick={() => (cancelled.current = true)}>
            {t('cancel')}
          </button>
        </div>
      )}
      {choosing && (
        <FollowUpDialog onConfirm={(choice) => void tasksForEach(choice)} onCancel={() => setChoosing(false)} />
      )}
      {note?.error && <ErrorNote message={note.text} />}
      {note && !note.error && (
        <p class="muted" role="status" data-testid="list-action-note">
          {note.text}
        </p>
      )}
    </div>
  );
}
