'use strict';
/**
 * In-process cost of the engine against the floor set by a bare dictionary scan, on the same text:
 * - full analysis: analyzeDocument from the compiled engine (out/, `tsc -b`) — Markdown model, mentions,
 *   context, and every rule (forcing `.findings`, which runs the rules lazily);
 * - bare scan: the knowledge's lexicon matcher (the trie every term and service spelling is in) over the
 *   whole text, already NFKC-normalised; the normalisation is timed on its own.
 */

const path = require('node:path');
const { median, timeRuns } = require('./stats');

const root = path.resolve(__dirname, '..');

function loadEngine() {
  const out = path.join(root, 'out', 'server', 'src');
  try {
    return {
      analyzeDocument: require(path.join(out, 'analysis', 'index.js')).analyzeDocument,
      loadKnowledge: require(path.join(out, 'knowledge.js')).loadKnowledge,
      normalize: require(path.join(out, 'text', 'normalize.js')).normalize,
    };
  } catch (error) {
    throw new Error(`the compiled engine in out/ could not be loaded (run \`npx tsc -b\`): ${error.message}`);
  }
}

/** Medians (ms) of `runs` full analyses and of the scans of one document; findings and matches as a check. */
function measureEngine(file, text, { runs, scanRuns }) {
  const engine = loadEngine();
  const knowledge = engine.loadKnowledge(path.join(root, 'dist'));
  const uri = `file://${file}`;
  let findings = 0;
  const analysis = timeRuns(() => {
    findings = engine.analyzeDocument({ uri, languageId: 'markdown', text }, knowledge).findings.length;
  }, runs, 1);
  // After a one-character edit in a paragraph in the middle: the analysis that reads the previous version's.
  const lines = text.split('\n');
  let line = Math.floor(lines.length / 2);
  while (line < lines.length - 1 && !/^[^#|>\s`-]/.test(lines[line])) {
    line++;
  }
  const at = lines.slice(0, line + 1).join('\n').length;
  let previous = engine.analyzeDocument({ uri, languageId: 'markdown', text }, knowledge);
  void previous.findings;
  let edited = text;
  const edit = timeRuns(() => {
    edited = `${edited.slice(0, at)}x${edited.slice(at)}`;
    previous = engine.analyzeDocument({ uri, languageId: 'markdown', text: edited }, knowledge, { previous });
    void previous.findings;
  }, runs * 4, 1);
  let normalized;
  const normalize = timeRuns(() => {
    normalized = engine.normalize(text);
  }, scanRuns, 1);
  let matches = 0;
  const scan = timeRuns(() => {
    matches = knowledge.lexicon.matchNormalized(normalized).length;
  }, scanRuns, 1);
  return {
    analysisMs: median(analysis.wall),
    analysisCpuMs: median(analysis.cpu),
    editMs: median(edit.wall),
    editCpuMs: median(edit.cpu),
    normalizeMs: median(normalize.wall),
    scanMs: median(scan.wall),
    scanCpuMs: median(scan.cpu),
    findings,
    matches,
    runs,
    scanRuns,
  };
}

module.exports = { measureEngine };
