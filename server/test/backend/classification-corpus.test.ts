import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CLASSIFICATIONS } from '../../src/storage/repository.ts';
import {
  type ConfusionMatrix,
  confusionMatrix,
  formatConfusionMatrix,
  formatMisses,
} from '../corpus/confusion-matrix.ts';
import { loadCorpus } from '../corpus/corpus.ts';
import { replayCorpus } from '../corpus/replay.ts';
import { backend } from '../support/backend.ts';
import { type Harness, startHarness } from '../support/harness.ts';

// The bar the classifier has to clear on the labelled corpus (test/corpus/hits.json).
const MIN_ACCURACY = 0.95;
const MIN_RECALL = 0.9;

describe(`classification of the real-world hit corpus (${backend})`, () => {
  let h: Harness;
  let matrix: ConfusionMatrix;

  before(async () => {
    h = await startHarness();
    matrix = confusionMatrix(await replayCorpus(h, loadCorpus()));
    console.log(`\nconfusion matrix (${backend}):\n${formatConfusionMatrix(matrix)}`);
    if (matrix.misses.length > 0) console.log(`\nmisses (${matrix.misses.length}):\n${formatMisses(matrix)}\n`);
  });
  after(async () => {
    await h.close();
  });

  it('stores one event for every hit in the corpus', () => {
    const unstored = matrix.misses.filter((m) => m.got === null);
    assert.deepEqual(unstored, [], 'every pixel and click request is recorded, whatever its verdict');
  });

  it(`classifies at least ${MIN_ACCURACY * 100}% of all hits as their sources say`, () => {
    assert.ok(
      matrix.accuracy >= MIN_ACCURACY,
      `accuracy ${(matrix.accuracy * 100).toFixed(1)}% (${matrix.correct}/${matrix.total}) is below ${MIN_ACCURACY * 100}%`,
    );
  });

  for (const c of CLASSIFICATIONS) {
    it(`recognises at least ${MIN_RECALL * 100}% of the ${c} hits`, () => {
      const { recall, correct, expected } = matrix.perClass[c];
      assert.ok(expected > 0, `the corpus has ${c} hits`);
      assert.ok(
        (recall ?? 0) >= MIN_RECALL,
        `${c} recall ${((recall ?? 0) * 100).toFixed(1)}% (${correct}/${expected}) is below ${MIN_RECALL * 100}%`,
      );
    });
  }
});
