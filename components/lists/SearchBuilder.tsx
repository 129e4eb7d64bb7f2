import type { ComponentChildren } from 'preact';
import type { CampaignChoice } from '../../lib/emails/campaigns';
import { EMAIL_STATUSES } from '../../lib/emails/status';
import { type MessageKey, t, tn } from '../../lib/i18n/t';
import {
  DATE_FIELDS,
  type DateField,
  type SearchQuery,
  SORT_ORDERS,
  TEXT_FILTER_MAX,
  TRI_STATES,
  type TriState,
} from '../../lib/search/query';
import { FOLDER_LABELS } from '../emails/folder-labels';
import { type Choice, ChoiceMenu } from '../ui/ChoiceMenu';
import { Switch } from '../ui/Switch';
import { CampaignMenu } from './CampaignMenu';
import { countValue, type QueryPart, textValue, timeToDay, withDates, withPart } from './search-draft';

const PROBLEM_ID = 'search-problem';

interface Props {
  query: SearchQuery;
  onChange: (query: SearchQuery) => void;
  campaigns: CampaignChoice[] | null;
  /** The part the check named, and what to tell the rep about it. */
  problem: { part: QueryPart | undefined; text: string } | null;
}

const ACTIVITY_NAMES: Record<'viewed' | 'clicked' | 'replied', MessageKey> = {
  viewed: 'searchActivityViewed',
  clicked: 'searchActivityClicked',
  replied: 'searchActivityReplied',
};
const ACTIVITY: Record<'viewed' | 'clicked' | 'replied', Record<TriState, MessageKey>> = {
  viewed: { yes: 'searchViewedYes', no: 'searchViewedNo', either: 'searchViewedEither' },
  clicked: { yes: 'searchClickedYes', no: 'searchClickedNo', either: 'searchClickedEither' },
  replied: { yes: 'searchRepliedYes', no: 'searchRepliedNo', either: 'searchRepliedEither' },
};
const DATE_LABELS: Record<DateField, MessageKey> = {
  created: 'searchDateCreated',
  sent: 'searchDateSent',
  scheduled: 'searchDateScheduled',
  failed: 'searchDateFailed',
  lastActivity: 'searchDateLastActivity',
};
const SORT_LABELS: Record<(typeof SORT_ORDERS)[number], MessageKey> = {
  mostEngaged: 'searchSortMostEngaged',
  lastActivity: 'searchSortLastActivity',
  date: 'searchSortDate',
};

/**
 * The search as a sentence a rep reads from left to right ("Emails in any folder from Q4 that
 * were viewed, clicked, not replied…"), each part a real control. The part the check names is
 * marked invalid and the reason stands right under its line.
 */
export function SearchBuilder({ query, onChange, campaigns, problem }: Props) {
  const invalid = (part: QueryPart) => problem?.part === part;
  const mark = (part: QueryPart) =>
    invalid(part) ? { 'aria-invalid': true, 'aria-describedby': PROBLEM_ID } : { 'aria-invalid': false };
  const line = (parts: QueryPart[], children: ComponentChildren) => (
    <p class={`search-line ${parts.some(invalid) ? 'search-line-invalid' : ''}`}>
      {children}
      {problem && problem.part !== undefined && parts.includes(problem.part) && <Problem text={problem.text} />}
    </p>
  );
  const statuses = query.statuses ?? [];
  const folderChoices: Choice<(typeof EMAIL_STATUSES)[number]>[] = EMAIL_STATUSES.map((status) => ({
    key: status,
    label: t(FOLDER_LABELS[status]),
  }));
  const minimum = (part: 'minViews' | 'minClicks', label: MessageKey) => (
    <input
      type="number"
      class="search-number"
      min={0}
      step={1}
      inputMode="numeric"
      value={query[part] === undefined || Number.isNaN(query[part]) ? '' : String(query[part])}
      aria-label={t(label)}
      data-testid={`search-${part}`}
      {...mark(part)}
      onInput={(event) => onChange(withPart(query, part, countValue(event.currentTarget.value)))}
    />
  );
  const text = (part: 'person' | 'domain' | 'subject', label: MessageKey, placeholder: MessageKey) => (
    <input
      type="search"
      class="search-text"
      maxLength={TEXT_FILTER_MAX + 1}
      value={query[part] ?? ''}
      placeholder={t(placeholder)}
      aria-label={t(label)}
      data-testid={`search-${part}`}
      {...mark(part)}
      onInput={(event) => onChange(withPart(query, part, textValue(event.currentTarget.value)))}
    />
  );

  return (
    <form class="search-builder" data-testid="search-builder" onSubmit={(event) => event.preventDefault()}>
      {line(
        ['statuses', 'campaigns'],
        <>
          {t('searchLeadFolder')}{' '}
          <ChoiceMenu
            label={t('searchFolders')}
            summary={
              statuses.length === 0
                ? t('searchAnyFolder')
                : statuses.length <= 2
                  ? statuses.map((status) => t(FOLDER_LABELS[status])).join(', ')
                  : tn('searchFolderCount', statuses.length)
            }
            choices={folderChoices}
            chosen={statuses}
            invalid={invalid('statuses')}
            testId="search-folders"
            onChange={(chosen) => onChange(withPart(query, 'statuses', chosen.length ? chosen : undefined))}
          />{' '}
          {t('searchLeadCampaign')}{' '}
          <CampaignMenu
            value={query.campaigns}
            campaigns={campaigns}
            invalid={invalid('campaigns')}
            onChange={(campaignFilter) => onChange(withPart(query, 'campaigns', campaignFilter))}
          />
        </>,
      )}
      {line(
        ['viewed', 'clicked', 'replied'],
        <>
          {t('searchLeadActivity')}{' '}
          {(['viewed', 'clicked', 'replied'] as const).map((part) => (
            <select
              key={part}
              class="search-select"
              value={query[part]}
              aria-label={t(ACTIVITY_NAMES[part])}
              data-testid={`search-${part}`}
              {...mark(part)}
              onChange={(event) => onChange({ ...query, [part]: event.currentTarget.value as TriState })}
            >
              {TRI_STATES.map((state) => (
                <option key={state} value={state}>
                  {t(ACTIVITY[part][state])}
                </option>
              ))}
            </select>
          ))}
        </>,
      )}
      <div class="search-line">
        <Switch
          checked={query.trustedOnly}
          label={t('searchTrustedOnly')}
          hint={t('searchTrustedOnlyHint')}
          testId="search-trusted"
          onChange={(trustedOnly) => onChange({ ...query, trustedOnly })}
        />
      </div>
      {line(
        ['dates'],
        <>
          <select
            class="search-select"
            value={query.dates?.field ?? ''}
            aria-label={t('searchDateField')}
            data-testid="search-date-field"
            onChange={(event) => onChange(withDates(query, { field: event.currentTarget.value as DateField | '' }))}
          >
            <option value="">{t('searchDateAny')}</option>
            {DATE_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(DATE_LABELS[field])}
              </option>
            ))}
          </select>
          {query.dates && (
            <>
              {' '}
              {t('searchLeadFrom')}{' '}
              <input
                type="date"
                class="search-date"
                value={timeToDay(query.dates.from)}
                aria-label={t('searchDateFrom')}
                data-testid="search-date-from"
                {...mark('dates')}
                onInput={(event) => onChange(withDates(query, { from: event.currentTarget.value }))}
              />{' '}
              {t('searchLeadTo')}{' '}
              <input
                type="date"
                class="search-date"
                value={timeToDay(query.dates.to)}
                aria-label={t('searchDateTo')}
                data-testid="search-date-to"
                {...mark('dates')}
                onInput={(event) => onChange(withDates(query, { to: event.currentTarget.value }))}
              />
            </>
          )}
        </>,
      )}
      {line(
        ['person'],
        <>
          {t('searchLeadPerson')} {text('person', 'searchPerson', 'searchPersonExample')}
        </>,
      )}
      {line(
        ['domain'],
        <>
          {t('searchLeadDomain')} {text('domain', 'searchDomain', 'searchDomainExample')}
        </>,
      )}
      {line(
        ['subject'],
        <>
          {t('searchLeadSubject')} {text('subject', 'searchSubject', 'searchSubjectExample')}
        </>,
      )}
      {line(
        ['minViews', 'minClicks'],
        <>
          {t('searchLeadAtLeast')} {minimum('minViews', 'searchMinViews')} {t('searchViewsUnit')}{' '}
          {minimum('minClicks', 'searchMinClicks')} {t('searchClicksUnit')}
        </>,
      )}
      {line(
        ['sort'],
        <>
          {t('searchLeadSort')}{' '}
          <select
            class="search-select"
            value={query.sort}
            aria-label={t('searchSort')}
            data-testid="search-sort"
            onChange={(event) =>
              onChange({ ...query, sort: event.currentTarget.value as (typeof SORT_ORDERS)[number] })
            }
          >
            {SORT_ORDERS.map((order) => (
              <option key={order} value={order}>
                {t(SORT_LABELS[order])}
              </option>
            ))}
          </select>
        </>,
      )}
      {problem && problem.part === undefined && <Problem text={problem.text} />}
    </form>
  );
}

function Problem({ text }: { text: string }) {
  return (
    <span id={PROBLEM_ID} class="search-problem" role="alert" data-testid="search-problem">
      {text}
    </span>
  );
}
