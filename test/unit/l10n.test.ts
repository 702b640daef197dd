/**
 * Every user-facing string of the VS Code extension exists in English and Japanese, and each language is
 * written in that language: package.json's %keys% in package.nls.json and package.nls.ja.json, and every
 * vscode.l10n.t / localize message of client/src in l10n/bundle.l10n.ja.json.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers';

const JAPANESE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff66-\uff9f]/;
/**
 * Japanese that English text may contain: names that have no English form in the document the user is
 * looking at (the walkthrough points at these words in the sample specification).
 */
const PROPER_NAMES = ['ガバメントクラウド', 'ガバクラ'];
/** Japanese texts that are a product name only, the same in every language. */
const SAME_IN_EVERY_LANGUAGE = new Set(['category']);

function readJson(file: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, file), 'utf8')) as Record<string, string>;
}

/** Every "%key%" string value anywhere in package.json. */
function manifestKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%([^%]+)%$/.exec(value);
    if (match) {
      found.add(match[1]);
    }
  } else if (Array.isArray(value)) {
    value.forEach((item) => manifestKeys(item, found));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((item) => manifestKeys(item, found));
  }
  return found;
}

/** The literal first argument of every vscode.l10n.t(...) and localize(...) call in client/src. */
function clientMessages(): { messages: Map<string, string>; templates: string[] } {
  const directory = path.join(repoRoot, 'client', 'src');
  const messages = new Map<string, string>();
  const templates: string[] = [];
  for (const name of fs.readdirSync(directory).filter((file) => file.endsWith('.ts'))) {
    const text = fs.readFileSync(path.join(directory, name), 'utf8');
    for (const match of text.matchAll(/\b(?:l10n\.t|localize)\(\s*(['"])((?:\\.|(?!\1)[^\\])*)\1/g)) {
      messages.set(match[2].replace(/\\(.)/g, '$1'), name);
    }
    for (const match of text.matchAll(/\b(?:l10n\.t|localize)\(\s*[`a-zA-Z]/g)) {
      templates.push(`${name}: ${text.slice(match.index, match.index + 60)}`);
    }
  }
  return { messages, templates };
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
}

/** Text a reader reads: without command-link targets and code spans. */
function prose(text: string): string {
  return text.replace(/\]\([^)]*\)/g, ']').replace(/`[^`]*`/g, '');
}

function assertEnglish(text: string, where: string): void {
  const rest = PROPER_NAMES.reduce((remaining, name) => remaining.split(name).join(''), prose(text));
  assert.doesNotMatch(rest, JAPANESE, `${where}: English text contains Japanese: ${JSON.stringify(text)}`);
}

function assertJapanese(text: string, where: string): void {
  assert.match(text, JAPANESE, `${where}: the Japanese text has no Japanese: ${JSON.stringify(text)}`);
  // Names (ISMAP, govsec, Markdown, YAML, CSV) are fine; three English words in a row are a sentence left untranslated.
  assert.doesNotMatch(prose(text), /\b[A-Za-z]{2,}\s+[a-z]{2,}\s+[a-z]{2,}\b/, `${where}: the Japanese text contains English words: ${JSON.stringify(text)}`);
}

describe('localisation: every user-facing string in English and Japanese', () => {
  const manifest = readJson('package.json');
  const nlsEn = readJson('package.nls.json');
  const nlsJa = readJson('package.nls.ja.json');
  const bundleJa = readJson('l10n/bundle.l10n.ja.json');

  it('package.json: every %key% is in package.nls.json and package.nls.ja.json, and neither has unused keys', () => {
    const keys = [...manifestKeys(manifest)].sort();
    assert.ok(keys.length >= 30, `only ${keys.length} %keys% in package.json`);
    assert.deepEqual(Object.keys(nlsEn).sort(), keys);
    assert.deepEqual(Object.keys(nlsJa).sort(), keys);
  });

  it('package.json: every command title and setting description goes through nls', () => {
    const contributes = (manifest as unknown as { contributes: { commands: { title: string; category: string }[]; configuration: { properties: Record<string, Record<string, unknown>> } } }).contributes;
    for (const command of contributes.commands) {
      assert.match(command.title, /^%.+%$/, command.title);
      assert.match(command.category, /^%.+%$/, command.category);
    }
    for (const [name, property] of Object.entries(contributes.configuration.properties)) {
      const description = property.markdownDescription ?? property.description;
      assert.match(String(description), /^%.+%$/, name);
    }
  });

  it('package.nls.json is English and package.nls.ja.json Japanese, with the same placeholders and command links', () => {
    for (const [key, english] of Object.entries(nlsEn)) {
      const japanese = nlsJa[key];
      assertEnglish(english, `package.nls.json ${key}`);
      if (SAME_IN_EVERY_LANGUAGE.has(key)) {
        assert.equal(japanese, english, key);
      } else {
        assertJapanese(japanese, `package.nls.ja.json ${key}`);
      }
      const links = (text: string) => [...text.matchAll(/\]\((command:[^)]*)\)/g)].map((match) => match[1]);
      assert.deepEqual(links(japanese), links(english), `command links of ${key}`);
    }
  });

  it('client/src: every vscode.l10n.t and localize message is a literal with a Japanese translation in the bundle', () => {
    const { messages, templates } = clientMessages();
    assert.deepEqual(templates, [], 'messages must be string literals so that they can be translated');
    assert.ok(messages.size >= 60, `only ${messages.size} messages found in client/src`);
    const missing = [...messages.keys()].filter((message) => !(message in bundleJa));
    assert.deepEqual(missing, [], 'messages without a Japanese translation in l10n/bundle.l10n.ja.json');
    const unused = Object.keys(bundleJa).filter((message) => !messages.has(message));
    assert.deepEqual(unused, [], 'translations of messages no longer in client/src');
    for (const [message, file] of messages) {
      assertEnglish(message, `client/src/${file}`);
      assertJapanese(bundleJa[message], `bundle.l10n.ja.json "${message}"`);
      assert.deepEqual(placeholders(bundleJa[message]), placeholders(message), `placeholders of "${message}"`);
    }
  });

  it('the checks catch what they are for', () => {
    assert.throws(() => assertJapanese('Show glossary stats', 'x'));
    assert.throws(() => assertJapanese('用語集 show the glossary stats', 'x'));
    assert.throws(() => assertEnglish('Show 用語集', 'x'));
    assertEnglish('Rest the mouse on ガバメントクラウド', 'x');
    assertJapanese('ISMAPリストをインポート（CSV、HTML）', 'x');
  });
});
