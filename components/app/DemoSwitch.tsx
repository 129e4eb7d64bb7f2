import { useState } from 'preact/hooks';
import { t } from '../../lib/i18n/t';
import { sendCommand } from '../../lib/messaging/client';
import { useLiveQuery } from '../../lib/messaging/use-live-query';
import { Switch } from '../ui/Switch';

/** Adds or removes the example mailbox; the rep's own rows are never touched. */
export function DemoSwitch({ onError }: { onError: (message: string) => void }) {
  const status = useLiveQuery('demo.status', {});
  const [busy, setBusy] = useState(false);
  const active = status.status === 'ready' && status.value.active;
  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      await (on ? sendCommand('demo.seed', {}) : sendCommand('demo.clear', {}));
    } catch (error) {
      onError(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Switch
      checked={active}
      busy={busy || status.status === 'loading'}
      label={busy ? t('demoWorking') : t('demoData')}
      hint={t('demoDataHint')}
      onChange={toggle}
      testId="demo-switch"
    />
  );
}
