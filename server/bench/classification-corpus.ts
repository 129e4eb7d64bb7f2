// Prints the classifier's confusion matrix on the labelled corpus (test/corpus/hits.json), for
// BENCHMARKS.md: `node bench/classification-corpus.ts` (SQLite; TEST_BACKEND=postgres with
// TEST_DATABASE_URL for PostgreSQL).
import { formatConfusionMatrix, formatMisses } from '../test/corpus/confusion-matrix.ts';
import { measureCorpus } from '../test/corpus/replay.ts';

const matrix = await measureCorpus();
console.log(formatConfusionMatrix(matrix));
if (process.argv.includes('--misses')) console.log(`\n${formatMisses(matrix)}`);
