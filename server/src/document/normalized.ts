/**
 * The document's text normalised (NFKC) once per version, with its offset map. Rules, the context and the
 * matchers read ranges of it — a range is a slice of the one normalised text, never a second normalisation.
 */

import { normalize, normalizedIndex, type NormalizedText } from '../text/normalize';
import type { DocumentModel } from './model';

const views = new WeakMap<DocumentModel, NormalizedText>();

/** The NFKC form of the whole document, computed on first use and kept with the model. */
export function normalizedDocument(model: DocumentModel): NormalizedText {
  let view = views.get(model);
  if (!view) {
    view = normalize(model.text);
    views.set(model, view);
  }
  return view;
}

/** The NFKC form of `model.text[start, end)` with its offset map (offsets into the original text). */
export function normalizedRange(model: DocumentModel, start: number, end: number): NormalizedText {
  const whole = normalizedDocument(model);
  const from = normalizedIndex(whole, start);
  const to = Math.max(from, normalizedIndex(whole, end));
  return { text: whole.text.slice(from, to), originalStart: whole.originalStart.subarray(from, to), originalEnd: whole.originalEnd.subarray(from, to) };
}
