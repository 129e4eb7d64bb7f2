import { vi } from 'vitest';
import type { Fetch } from './server-client';

/** What an address gives: a response, `'noCors'` (answers, but not to our extension), or nothing. */
export type FakeAnswer = Response | 'noCors' | Error | undefined;

/**
 * For tests: a fetch as a browser extension sees it. A web server without CORS headers makes
 * fetch fail just as a stopped one does, but a `no-cors` request still gets an (opaque) answer.
 */
export function browserFetch(answers: (url: URL) => FakeAnswer) {
  return vi.fn<Fetch>(async (input, init) => {
    const answer = answers(new URL(input));
    if (answer instanceof Error) throw answer;
    if (answer === undefined) throw new TypeError('Failed to fetch');
    if (init?.mode === 'no-cors') return new Response(null, { status: 200 });
    if (answer === 'noCors') throw new TypeError('Failed to fetch');
    return answer;
  });
}

export const jsonAnswer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
