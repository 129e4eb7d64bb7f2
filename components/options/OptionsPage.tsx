import { t } from '../../lib/i18n/t';
import { TrackingServerForm } from './TrackingServerForm';

export function OptionsPage() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section class="card" aria-labelledby="server-section">
        <h2 id="server-section">{t('serverSection')}</h2>
        <p class="muted">{t('serverHelp')}</p>
        <TrackingServerForm />
      </section>
    </main>
  );
}
