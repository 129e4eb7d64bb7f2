// Prints the classifier's confusion matrix on a labelled corpus, for BENCHMARKS.md:
//   node bench/classification-corpus.ts             the tuning corpus (test/corpus/hits.json)
//   node bench/classification-corpus.ts --misses    the same, and each miss with its reason
//   node bench/classification-corpus.ts --holdout   the held-out corpus (test/corpus/holdout.json),
//                                                   always with its misses
// SQLite by default; TEST_BACKEND=postgres with TEST_DATABASE_URL for PostgreSQL.
// The held-out numbers are measured only here: no test asserts on them, so that nobody tunes the
// classifier against them and they keep saying how it does on hits it has not seen.
import { formatConfusionMatrix, formatMisses } from '../test/corpus/confusion-matrix.ts';
import { CORPUS_PATH, HOLDOUT_PATH, loadCorpus } from '../test/corpus/corpus.ts';
import { measureCorpus } from '../test/corpus/replay.ts';

const holdout = process.argv.includes('--holdout');
const path = holdout ? HOLDOUT_PATH : CORPUS_PATH;
const corpus = loadCorpus(path);
const hits = corpus.cases.reduce((n, c) => n + c.hits.length, 0);
console.log(
  `${holdout ? 'held-out' : 'tuning'} corpus ${path.pathname.split('/').pop()}: ${corpus.cases.length} cases, ${hits} hits\n`,
);

const matrix = await measureCorpus(corpus);
console.log(formatConfusionMatrix(matrix));
if (holdout || process.argv.includes('--misses')) {
  console.log(`\nmisses (${matrix.misses.length}):`);
  console.log(formatMisses(matrix) || '(none)');
}
