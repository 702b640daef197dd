/** URLs in text: addresses, not prose, so the document models leave them out of the scanned segments. */

/** A bare URL (http, https, ftp or www.), up to white space or Japanese punctuation. */
export const BARE_URL = /\b(?:https?|ftp):\/\/[^\s<>"'`「」『』（）【】、。，]+|\bwww\.[A-Za-z0-9-]+\.[^\s<>"'`「」『』（）【】、。，]+/g;
