import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { corpusDir, corpusFiles, holdoutDir, loadLabels, REASONS, SEVERITIES } from '../bounces/labels.ts';

for (const [name, dir, atLeast] of [
  ['the labelled bounce corpus', corpusDir, 110],
  ['the held-out bounce set', holdoutDir, 60],
] as const)
  describe(name, () => {
    const labels = loadLabels(dir);
    const files = corpusFiles(dir);

    it(`holds at least ${atLeast} real reports from at least 30 MTAs and providers`, () => {
      assert.ok(files.length >= atLeast, `${files.length} reports`);
      const mtas = new Set(Object.values(labels).map((l) => l.mta));
      assert.ok(mtas.size >= 30, `${mtas.size} MTAs`);
    });

    it('labels every report, and only reports that exist', () => {
      assert.deepEqual(Object.keys(labels).sort(), files);
    });

    it('says where every report came from and under which licence', () => {
      for (const file of files) {
        const source = `${dir}${file}.source.txt`;
        assert.ok(existsSync(source), `${file}: no .source.txt`);
        const text = readFileSync(source, 'utf8');
        assert.match(text, /^repository: https:\/\/github\.com\//m, file);
        assert.match(text, /^commit: [0-9a-f]{40}/m, file);
        assert.match(text, /^license: \S/m, file);
        const size = Number(/^size_bytes: (\d+)/m.exec(text)?.[1]);
        assert.equal(size, readFileSync(`${dir}${file}`).length, `${file}: size_bytes`);
      }
    });

    it('uses only known reasons and severities, consistently with the README rule', () => {
      for (const [file, l] of Object.entries(labels)) {
        assert.ok(REASONS.includes(l.reason), `${file}: reason ${l.reason}`);
        assert.ok(SEVERITIES.includes(l.severity), `${file}: severity ${l.severity}`);
        assert.match(l.source, /^\S+ \S+:\d+$/, `${file}: source`);
        assert.ok(l.mta.length > 0, `${file}: mta`);
        if (l.reason === 'delivered' || l.reason === 'autoReply') assert.equal(l.severity, 'none', file);
        if (l.severity === 'hard') assert.equal(l.sourceHardBounce, true, `${file}: hard without the source saying so`);
        if (l.final) assert.ok(l.reason === 'expired' && l.severity === 'soft', `${file}: final`);
        if (l.status) assert.match(l.status, /^[245]\.\d{1,3}\.\d{1,3}$/, `${file}: status`);
      }
    });

    it('never shares a report with the other set', () => {
      const other = corpusFiles(dir === holdoutDir ? corpusDir : holdoutDir);
      assert.deepEqual(
        files.filter((f) => other.includes(f)),
        [],
      );
    });

    if (dir === corpusDir)
      it('covers delays, final give-ups, successes and auto-replies', () => {
        const all = Object.values(labels);
        assert.ok(all.filter((l) => l.severity === 'delayed').length >= 5);
        assert.ok(all.filter((l) => l.final).length >= 5);
        assert.ok(all.some((l) => l.reason === 'delivered'));
        assert.ok(all.some((l) => l.reason === 'autoReply'));
      });
  });
