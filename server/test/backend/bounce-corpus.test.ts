// Replays every labelled real report (test/bounces/) over SMTP into the real server and scores
// what the feed says against the labels: it prints the accuracy tables and the misses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import {
  corpusDir,
  corpusFiles,
  holdoutDir,
  type Label,
  loadLabels,
  type Outcome,
  outcomeOf,
} from '../bounces/labels.ts';
import { backend } from '../support/backend.ts';
import { type BounceIntake, openBounceIntake } from '../support/bounce-intake.ts';
import { type Harness, startHarness } from '../support/harness.ts';

/**
 * What the rules reach on the corpus (2026-12-02: 184 of 184 after sisimai's generic "user
 * unknown after DATA is a filter" reading and the per-MTA conventions), a little below so that a
 * change that loses ground fails. Issue #14 asks for 95 %.
 */
const SEVERITY_TARGET = 0.97;
/**
 * The held-out set is never tuned on (README.md), so its floor sits well below what it reaches: it
 * fails on a real regression without inviting rules written for its files.
 */
const HOLDOUT_TARGET = 0.75;

interface Scored {
  file: string;
  label: Label;
  got: Outcome;
  note: string;
}

function table(title: string, rows: Scored[], key: (s: Scored) => string, hit: (s: Scored) => boolean): string {
  const groups = new Map<string, { n: number; ok: number }>();
  for (const s of rows) {
    const g = groups.get(key(s)) ?? { n: 0, ok: 0 };
    g.n++;
    if (hit(s)) g.ok++;
    groups.set(key(s), g);
  }
  const lines = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const pct = (ok: number, n: number) => `${((100 * ok) / n).toFixed(1)}%`.padStart(6);
  const total = rows.filter(hit).length;
  return [
    `${title.padEnd(16)}   n   ok  accuracy`,
    ...lines.map(
      ([k, g]) => `${k.padEnd(16)} ${String(g.n).padStart(3)}  ${String(g.ok).padStart(3)}  ${pct(g.ok, g.n)}`,
    ),
    `${'all'.padEnd(16)} ${String(rows.length).padStart(3)}  ${String(total).padStart(3)}  ${pct(total, rows.length)}`,
  ].join('\n');
}

describe(`the real bounce corpus, replayed over SMTP (${backend})`, () => {
  let h: Harness;
  let intake: BounceIntake;
  before(async () => {
    h = await startHarness();
    intake = await openBounceIntake(h);
  });
  after(async () => {
    await intake.close();
    await h.close();
  });
  const deliver = (raw: string | Buffer, to: string) => intake.deliver(raw, to);

  async function allEvents(): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let cursor = '0';
    for (;;) {
      const page = await h.events(cursor, 500);
      out.push(...page.events);
      if (!page.more) return out;
      cursor = page.next;
    }
  }

  /** Replays one labelled set, each report to its own message's VERP address, and scores it. */
  async function replay(set: string, dir: string): Promise<Scored[]> {
    const labels = loadLabels(dir);
    const files = corpusFiles(dir);
    const notes = new Map<string, string>();
    for (const [i, file] of files.entries()) {
      const m = await h.register(`${set}-${i}`);
      const token = m.pixel.slice(3, -4);
      try {
        const answer = await deliver(readFileSync(`${dir}${file}`), `b+${token}@${h.config.bounceDomain}`);
        if (!answer.startsWith('250')) notes.set(file, `listener answered ${answer}`);
      } catch (e) {
        notes.set(file, `refused: ${(e as Error).message}`);
      }
    }
    const events = await allEvents();
    return files.map((file, i) => {
      const label = labels[file] as Label;
      const mine = events.filter((e) => e.messageId === `${set}-${i}`);
      const note = notes.get(file) ?? mine.map((e) => `${e.type}/${e.reasonCode}`).join(', ');
      return { file, label, got: outcomeOf(mine, label.recipient), note: note || 'no event' };
    });
  }

  const severityOk = (s: Scored) => s.got.severity === s.label.severity;
  const reasonOk = (s: Scored) => s.got.reason === s.label.reason;

  /** Prints the tables and the misses, and returns the severity accuracy. */
  function report(title: string, scored: Scored[]): number {
    console.log(`\n${title}\n${table('severity', scored, (s) => s.label.severity, severityOk)}`);
    console.log(`\n${table('reason', scored, (s) => s.label.reason, reasonOk)}`);
    const misses = scored.filter((s) => !severityOk(s));
    console.log(`\nseverity misses (${misses.length}):`);
    for (const s of misses)
      console.log(
        `  ${s.file}: expected ${s.label.severity} (${s.label.reason}, ${s.label.source}), got ${s.got.severity} [${s.note}]`,
      );
    return scored.filter(severityOk).length / scored.length;
  }

  it(`classifies at least ${SEVERITY_TARGET * 100}% of reports with the severity their source documents`, async () => {
    const scored = await replay('corpus', corpusDir);
    const accuracy = report('corpus', scored);
    assert.ok(
      accuracy >= SEVERITY_TARGET,
      `severity accuracy ${(100 * accuracy).toFixed(1)}% is below ${SEVERITY_TARGET * 100}% (${scored.length} reports)`,
    );
  });

  it(`classifies at least ${HOLDOUT_TARGET * 100}% of the held-out reports, which no rule was tuned on`, async () => {
    const scored = await replay('holdout', holdoutDir);
    const accuracy = report('held-out set', scored);
    assert.ok(
      accuracy >= HOLDOUT_TARGET,
      `held-out severity accuracy ${(100 * accuracy).toFixed(1)}% is below ${HOLDOUT_TARGET * 100}% (${scored.length} reports)`,
    );
  });
});
