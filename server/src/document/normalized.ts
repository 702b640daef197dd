/**
 * The document's text normalised (NFKC) once per version, with its offset map. Rules, the context and the
 * matchers read ranges of it — a range is a slice of the one normalised text, never a second normalisation.
 */

import { normalize, normalizedIndex, renormalize, type NormalizedText } from '../text/normalize';
import type { DocumentModel } from './model';
import type { CommonEnds } from '../text/edit';

const views = new WeakMap<DocumentModel, NormalizedText>();
/** A model view (./view.ts) reads the normalisation of the model it is a view of. */
const bases = new WeakMap<DocumentModel, DocumentModel>();

/** The NFKC form of the whole document, computed on first use and kept with the model. */
export function normalizedDocument(model: DocumentModel): NormalizedText {
  const base = bases.get(model);
  if (base) {
    return normalizedDocument(base);
  }
  let view = views.get(model);
  if (!view) {
    view = normalize(model.text);
    views.set(model, view);
  }
  return view;
}

/** `view` has the text of `base` (a part of its structure): it shares the base's normalisation. */
export function shareNormalization(view: DocumentModel, base: DocumentModel): void {
  bases.set(view, base);
}

/**
 * After an edit: the new model's normalisation is the previous version's with only the edited lines done
 * again. Done now, so that the new model keeps no reference to the previous one; nothing is done when the
 * previous version was never normalised.
 */
export function normalizeAfterEdit(model: DocumentModel, previous: DocumentModel, ends?: CommonEnds): void {
  const previousView = views.get(bases.get(previous) ?? previous);
  if (previousView && !views.has(model)) {
    views.set(model, renormalize(previous.text, previousView, model.text, ends));
  }
}

/** The NFKC form of `model.text[start, end)` with its offset map (offsets into the original text). */
export function normalizedRange(model: DocumentModel, start: number, end: number): NormalizedText {
  const whole = normalizedDocument(model);
  const from = normalizedIndex(whole, start);
  const to = Math.max(from, normalizedIndex(whole, end));
  return whole.slice(from, to);
}
