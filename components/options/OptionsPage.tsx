import { t } from '../../lib/i18n/t';
import { TextWithCode } from '../ui/TextWithCode';
import { ComposeTrackingForm } from './ComposeTrackingForm';
import { TrackingServerForm } from './TrackingServerForm';

export function OptionsPage() {
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section class="card" aria-labelledby="server-section">
        <h2 id="server-section">{t('serverSection')}</h2>
        <p class="muted">
          <TextWithCode text={t('serverHelp')} />
        </p>
        <TrackingServerForm />
      </section>
      <section class="card" aria-labelledby="compose-tracking-section">
        <h2 id="compose-tracking-section">{t('trackingPrefsSection')}</h2>
        <p class="muted">{t('trackingPrefsHelp')}</p>
        <ComposeTrackingForm />
      </section>
    </main>
  );
}
