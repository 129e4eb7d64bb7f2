// The labelled corpora of real-world hits: their types and a loader that refuses a file that does
// not match them. Labels were written from each case's sources, never from the classifier's
// output; change one only when a source says otherwise.
//  - hits.json: the corpus the classifier was tuned on (the classification test asserts on it).
//  - holdout.json: written later from other sources without reading the classifier, and never
//    asserted on, so its matrix (npm run bench:classification -- --holdout) measures unseen hits.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { CLASSIFICATIONS, type Classification } from '../../src/storage/repository.ts';

export const CORPUS_PATH = new URL('./hits.json', import.meta.url);
/** Held out from tuning: only validated and measured, never asserted on. */
export const HOLDOUT_PATH = new URL('./holdout.json', import.meta.url);

export const CASE_KINDS = ['gateway', 'eop', 'crawler', 'mailClient', 'appleMpp', 'burst', 'baseline'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

/** A user agent too long to keep in the file: `times` copies of `repeat`. */
export interface RepeatedUserAgent {
  repeat: string;
  times: number;
}

export interface CorpusHit {
  /** Seconds after the message's sentAt; fractions for hits within one second. */
  afterSendSeconds: number;
  type: 'view' | 'click';
  /** The tracked link's index, for clicks. */
  link?: number;
  method: 'GET' | 'HEAD';
  /** The client address as the server's socket reports it (IPv4, IPv6 or IPv4-mapped). */
  ip: string;
  /** The AS that asn-ipv4.csv / asn-ipv6.csv give for `ip`; null when the address is in no range. */
  asn: number | null;
  /** null: the request carries no User-Agent header at all. */
  ua: string | RepeatedUserAgent | null;
  /** Where the user-agent string is quoted from. */
  uaSource?: string;
  headers?: Record<string, string>;
  /** The rep posted /v1/self-view for this message a second before the hit. */
  selfViewBefore?: boolean;
  expect: Classification;
  why: string;
}

export interface CorpusCase {
  id: string;
  kind: CaseKind;
  /** A public page, issue, vendor document or database row that shows the behaviour. */
  source: string;
  seeAlso?: string[];
  note: string;
  /** How many tracked links the message has. */
  links: number;
  hits: CorpusHit[];
}

export interface Corpus {
  version: 1;
  cases: CorpusCase[];
}

/** The user agent a hit sends, with repeated ones expanded; null for no header. */
export function userAgentOf(hit: CorpusHit): string | null {
  if (hit.ua === null || typeof hit.ua === 'string') return hit.ua;
  return hit.ua.repeat.repeat(hit.ua.times);
}

export class CorpusError extends Error {}

type Json = Record<string, unknown>;

function fail(where: string, message: string): never {
  throw new CorpusError(`${where}: ${message}`);
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, where: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(where, 'expected a non-empty string');
  return value;
}

function checkUserAgent(value: unknown, where: string): CorpusHit['ua'] {
  if (value === null || typeof value === 'string') return value;
  if (isObject(value) && typeof value.repeat === 'string' && value.repeat !== '') {
    const times = value.times;
    if (typeof times === 'number' && Number.isInteger(times) && times > 0) return { repeat: value.repeat, times };
  }
  return fail(where, 'ua must be a string, null, or {repeat, times}');
}

function checkHeaders(value: unknown, where: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) fail(where, 'headers must be an object');
  for (const [name, v] of Object.entries(value)) {
    if (name !== name.toLowerCase() || typeof v !== 'string') fail(where, `header ${name} must be lowercase, a string`);
  }
  return value as Record<string, string>;
}

function checkHit(raw: unknown, links: number, where: string): CorpusHit {
  if (!isObject(raw)) fail(where, 'expected an object');
  const { afterSendSeconds: t, type, link, method, ip, asn, expect } = raw;
  if (typeof t !== 'number' || !Number.isFinite(t) || t < 0) fail(where, 'afterSendSeconds must be ≥ 0');
  if (type !== 'view' && type !== 'click') fail(where, 'type must be view or click');
  if (type === 'click' && !(typeof link === 'number' && Number.isInteger(link) && link >= 0 && link < links))
    fail(where, `a click needs a link index below ${links}`);
  if (type === 'view' && link !== undefined) fail(where, 'a view has no link');
  if (method !== 'GET' && method !== 'HEAD') fail(where, 'method must be GET or HEAD');
  if (typeof ip !== 'string' || isIP(ip) === 0) fail(where, `"${String(ip)}" is not an IP address`);
  if (asn !== null && !(typeof asn === 'number' && Number.isInteger(asn) && asn > 0))
    fail(where, 'asn must be a positive integer or null');
  if (!CLASSIFICATIONS.includes(expect as Classification)) fail(where, `unknown class "${String(expect)}"`);
  if (raw.selfViewBefore !== undefined && typeof raw.selfViewBefore !== 'boolean')
    fail(where, 'selfViewBefore must be a boolean');
  const hit: CorpusHit = {
    afterSendSeconds: t,
    type,
    method,
    ip,
    asn,
    ua: checkUserAgent(raw.ua, where),
    expect: expect as Classification,
    why: text(raw.why, `${where} why`),
  };
  if (type === 'click') hit.link = link as number;
  if (raw.uaSource !== undefined) hit.uaSource = text(raw.uaSource, `${where} uaSource`);
  const headers = checkHeaders(raw.headers, where);
  if (headers) hit.headers = headers;
  if (raw.selfViewBefore === true) hit.selfViewBefore = true;
  return hit;
}

function checkCase(raw: unknown, where: string): CorpusCase {
  if (!isObject(raw)) fail(where, 'expected an object');
  const id = text(raw.id, `${where} id`);
  const at = `case ${id}`;
  if (!CASE_KINDS.includes(raw.kind as CaseKind)) fail(at, `unknown kind "${String(raw.kind)}"`);
  const source = text(raw.source, `${at} source`);
  if (!/^https:\/\//.test(source)) fail(at, 'source must be an https URL');
  const links = raw.links;
  if (typeof links !== 'number' || !Number.isInteger(links) || links < 0) fail(at, 'links must be a count');
  if (!Array.isArray(raw.hits) || raw.hits.length === 0) fail(at, 'a case needs hits');
  const hits = raw.hits.map((h, i) => checkHit(h, links, `${at} hit ${i}`));
  hits.forEach((h, i) => {
    const before = hits[i - 1];
    if (before && h.afterSendSeconds < before.afterSendSeconds) fail(at, `hit ${i} is out of time order`);
  });
  const seeAlso = raw.seeAlso;
  if (seeAlso !== undefined && !(Array.isArray(seeAlso) && seeAlso.every((s) => typeof s === 'string')))
    fail(at, 'seeAlso must be a list of URLs');
  return {
    id,
    kind: raw.kind as CaseKind,
    source,
    ...(seeAlso ? { seeAlso: seeAlso as string[] } : {}),
    note: text(raw.note, `${at} note`),
    links,
    hits,
  };
}

/** Parses and checks a corpus document; throws CorpusError naming the first thing wrong. */
export function parseCorpus(document: unknown): Corpus {
  if (!isObject(document) || document.version !== 1 || !Array.isArray(document.cases))
    fail('corpus', 'expected {version: 1, cases: [...]}');
  const cases = document.cases.map((c, i) => checkCase(c, `case ${i}`));
  const ids = new Set<string>();
  for (const c of cases) {
    if (ids.has(c.id)) fail(`case ${c.id}`, 'duplicate id');
    ids.add(c.id);
  }
  return { version: 1, cases };
}

export function loadCorpus(path: URL | string = CORPUS_PATH): Corpus {
  return parseCorpus(JSON.parse(readFileSync(path, 'utf8')));
}
