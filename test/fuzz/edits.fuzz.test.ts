import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { InProcessServer } from '../lsp/inProcessServer';
import { edit, editRange, fuzzOptions, fuzzTimeout, markdownDocument, mutatedRealDocument, yamlDocument, type Edit, type FuzzDocument } from './generators';

interface Report {
  items: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; code: string; message: string; severity: number }[];
}

/**
 * Random incremental edit sequences over LSP (an in-process server): after every few edits the edited
 * document is diagnosed (so the next analysis reuses the previous one) and hovered; at the end its
 * diagnostics must equal those of the final text opened fresh, and no request may have failed.
 */
describe('fuzz: incremental edits give the same diagnostics as a fresh analysis (fixed seed)', function () {
  this.timeout(fuzzTimeout());
  let server: InProcessServer;
  let counter = 0;

  before(async () => {
    server = new InProcessServer();
    await server.initialize({ pull: true });
  });

  after(() => server.dispose());

  const diagnose = (uri: string) => server.client.sendRequest<Report>('textDocument/diagnostic', { textDocument: { uri } });

  async function run(start: FuzzDocument, edits: readonly { change: Edit; check: boolean }[]): Promise<void> {
    const id = ++counter;
    const extension = start.languageId === 'yaml' ? 'yaml' : 'md';
    const edited = `untitled:edited-${id}.${extension}`;
    let document = TextDocument.create(edited, start.languageId, 1, start.text);
    await server.open(edited, start.languageId, start.text);
    await diagnose(edited);
    for (const { change, check } of edits) {
      const { start: from, end: to } = editRange(document.getText(), change);
      const range = { start: document.positionAt(from), end: document.positionAt(to) };
      // An offset inside a CRLF has no LSP position; TextDocument (as in the server) is the reference.
      document = TextDocument.update(document, [{ range, text: change.insert }], document.version + 1);
      await server.client.sendNotification('textDocument/didChange', {
        textDocument: { uri: edited, version: document.version },
        contentChanges: [{ range, text: change.insert }],
      });
      if (check) {
        await diagnose(edited);
        await server.hover(edited, range.start.line, range.start.character);
      }
    }
    const fresh = `untitled:fresh-${id}.${extension}`;
    await server.open(fresh, start.languageId, document.getText());
    const [incremental, full] = await Promise.all([diagnose(edited), diagnose(fresh)]);
    const comparable = (report: Report) => JSON.stringify(report.items.map(({ range, code, message, severity }) => ({ range, code, message, severity })));
    if (comparable(incremental) !== comparable(full)) {
      throw new Error(`after the edits:\n${comparable(incremental)}\nfresh:\n${comparable(full)}\ntext: ${JSON.stringify(document.getText())}`);
    }
    await server.client.sendNotification('textDocument/didClose', { textDocument: { uri: edited } });
    await server.client.sendNotification('textDocument/didClose', { textDocument: { uri: fresh } });
  }

  const sequence = fc.array(fc.record({ change: edit, check: fc.boolean() }), { minLength: 1, maxLength: 15 });

  for (const [name, documents] of [
    ['Markdown', markdownDocument],
    ['YAML', yamlDocument],
    ['real documents', mutatedRealDocument],
  ] as const) {
    it(`${name}`, async () => {
      await fc.assert(fc.asyncProperty(documents, sequence, (document, edits) => run(document, edits)), fuzzOptions(40));
    });
  }
});
