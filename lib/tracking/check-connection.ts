import { readFeedPage } from './event-sync';
import { type Fetch, ServerError, type ServerProblem } from './server-client';
import { checkServerSettings, type ServerSettings, type SettingsProblem } from './server-settings';

export type CheckProblem = SettingsProblem | ServerProblem;

/** Why "Check and save" did not save: one problem with the field it concerns. */
export interface ServerCheckFailure {
  ok: false;
  problem: CheckProblem;
  field: keyof ServerSettings;
  /** English, technical: for the tooltip and the log. */
  detail: string;
  /** Where our server does answer, when the address has a path it should not have. */
  suggestedUrl?: string;
}

export type ServerCheck = { ok: true } | ServerCheckFailure;

const fieldOf = (problem: ServerProblem): keyof ServerSettings => (problem === 'keyRefused' ? 'apiKey' : 'url');

/** Reads the first event of the feed: the one route that needs both a right address and a right key. */
async function readOneEvent(settings: ServerSettings, fetchImpl?: Fetch): Promise<ServerError | null> {
  try {
    await readFeedPage(settings, '0', 1, fetchImpl);
    return null;
  } catch (error) {
    if (error instanceof ServerError) return error;
    throw error;
  }
}

/**
 * Checks an address and key before the rep saves them. When the address has a path and is not
 * our server, its origin is tried too: `http://host:8787/api` is the commonest slip.
 */
export async function checkConnection(input: { url: string; apiKey: string }, fetchImpl?: Fetch): Promise<ServerCheck> {
  const checked = checkServerSettings(input);
  if (!checked.ok) return { ok: false, problem: checked.problem, field: checked.field, detail: checked.message };
  const failure = await readOneEvent(checked.settings, fetchImpl);
  if (!failure) return { ok: true };
  const result: ServerCheck = {
    ok: false,
    problem: failure.code,
    field: fieldOf(failure.code),
    detail: failure.message,
  };
  const origin = new URL(checked.settings.url).origin;
  if (failure.code === 'notOurServer' && origin !== checked.settings.url) {
    const atOrigin = await readOneEvent({ ...checked.settings, url: origin }, fetchImpl);
    if (!atOrigin || atOrigin.code === 'keyRefused') return { ...result, suggestedUrl: origin };
  }
  return result;
}
