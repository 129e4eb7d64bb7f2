import { type FoldedText, findFirstTerm, fold, isHan, overlapsAny, type Span } from './folded-text';

export interface KnownPerson {
  id: string;
  name: string;
  email: string;
}

export type PersonPart = { id: string; name: string } | { text: string };

export interface PersonFound {
  person: PersonPart;
  span: Span;
  /** Full names of everyone the typed name fits equally well; empty when it is one person. */
  sameName: string[];
}

interface Candidate {
  person: KnownPerson;
  span: Span;
  fullName: boolean;
}

function candidatesIn(text: FoldedText, person: KnownPerson): Candidate[] {
  const fullName = fold(person.name).trim().split(/\s+/u).join(' ');
  const firstName = fullName.split(' ')[0] ?? '';
  const found: Candidate[] = [];
  const full = fullName && findFirstTerm(text, [fullName], []);
  if (full) found.push({ person, span: full.span, fullName: true });
  // Chinese names put the family name first and run together, so only the full name counts.
  if (firstName !== fullName && !isHan(firstName)) {
    const first = findFirstTerm(text, [firstName], []);
    if (first) found.push({ person, span: first.span, fullName: false });
  }
  return found;
}

/** Full names beat first names, then longer beats shorter, then earlier beats later. */
function beats(a: Candidate, b: Candidate): boolean {
  if (a.fullName !== b.fullName) return a.fullName;
  const length = a.span[1] - a.span[0] - (b.span[1] - b.span[0]);
  return length !== 0 ? length > 0 : a.span[0] < b.span[0];
}

/**
 * The rep's person the phrase names: "Dana" finds Dana Whitfield. When two Danas fit equally
 * well the phrase keeps "Dana" as text and names both, so the preview can ask instead of guessing.
 */
export function findKnownPerson(text: FoldedText, people: readonly KnownPerson[]): PersonFound | null {
  const candidates = people.flatMap((person) => candidatesIn(text, person));
  let best: Candidate | undefined;
  for (const candidate of candidates) if (!best || beats(candidate, best)) best = candidate;
  if (!best) return null;
  const top = best;
  const tied = candidates.filter(
    (c) => c.fullName === top.fullName && c.span[0] === top.span[0] && c.span[1] === top.span[1],
  );
  const typed = text.text.slice(top.span[0], top.span[1]);
  if (tied.length > 1) return { person: { text: typed }, span: top.span, sameName: tied.map((c) => c.person.name) };
  return { person: { id: top.person.id, name: top.person.name }, span: top.span, sameName: [] };
}

const CAPITALISED = /^\p{Lu}[\p{L}\p{M}'’-]*/u;
const HAN_RUN = /^\p{Script=Han}{2,5}/u;

/** "Dana" or "Dana Whitfield" right at `from`, or a Chinese name of two to four characters. */
function nameAt(text: string, from: number, taken: readonly Span[]): Span | null {
  const rest = text.slice(from);
  const start = from + (rest.length - rest.trimStart().length);
  const clear = (span: Span) => span[1] > span[0] && !overlapsAny(span, taken);
  const han = HAN_RUN.exec(text.slice(start));
  if (han) {
    // Chinese has no spaces: a name is clear when a recognised word ends it ("给张伟打电话"),
    // or when it ends the run after two or three characters ("打电话给张伟"), not "王芳开会".
    const next = taken
      .map(([s]) => s)
      .filter((s) => s > start)
      .sort((a, b) => a - b)[0];
    const end = Math.min(start + han[0].length, next ?? Number.POSITIVE_INFINITY);
    const endedByWord = end === next && end - start <= 4;
    const endedByRun = end === start + han[0].length && !isHan(text[end]) && end - start <= 3;
    return end - start >= 2 && (endedByWord || endedByRun) && clear([start, end]) ? [start, end] : null;
  }
  const first = CAPITALISED.exec(text.slice(start));
  if (!first || !clear([start, start + first[0].length])) return null;
  let end = start + first[0].length;
  const second = / (\p{Lu}[\p{L}\p{M}'’-]*)/u.exec(text.slice(end));
  if (second?.index === 0 && clear([end + 1, end + second[0].length])) end += second[0].length;
  return [start, end];
}

/**
 * Someone the rep's people don't know yet: a capitalised name right after "with", "an", "para",
 * "给" or the task's verb ("Call Dana"). Anything less clear stays in the title.
 */
export function findNameAfter(text: FoldedText, leads: readonly Span[], taken: readonly Span[]): PersonFound | null {
  for (const lead of [...leads].sort((a, b) => a[0] - b[0])) {
    const span = nameAt(text.text, lead[1], [...taken, ...leads]);
    if (span) return { person: { text: text.text.slice(span[0], span[1]) }, span, sameName: [] };
  }
  return null;
}
