/**
 * The language server is killed under the editor and comes back: the client restarts it (at most 5 times in
 * 3 minutes, client/src/restartPolicy.ts) and the open document is checked again. Runs last (file names are
 * sorted), so that no other suite sees the restart.
 */

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { codeOf, waitFor, waitForDiagnostics } from './helpers';

/** The processes the extension host started, as "pid command" (for failure messages). */
function children(): string[] {
  return processes()
    .filter((entry) => entry.parent === process.pid)
    .map((entry) => `${entry.pid} ${entry.command.slice(0, 120)}`);
}

/** The govsec server processes the extension host started. */
function serverProcesses(): number[] {
  return processes()
    .filter((entry) => entry.parent === process.pid && /dist[\\/]server\.js/.test(entry.command))
    .map((entry) => entry.pid);
}

/** Every process with its parent and command line (Linux /proc). */
function processes(): { pid: number; parent: number; command: string }[] {
  const found: { pid: number; parent: number; command: string }[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing bracket.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const command = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      found.push({ pid: Number(entry), parent, command });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

suite('crash recovery', () => {
  let document: vscode.TextDocument;

  suiteTeardown(async () => {
    // Revert the edit and close, so that no "save?" dialog is left for the UI checks.
    if (document) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('a killed language server is restarted and checks the open document again', async function () {
    if (process.platform !== 'linux') {
      this.skip();
    }
    this.timeout(120_000);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'govsec-restart-')), 'restart.md');
    fs.writeFileSync(file, '# 再起動\n\n移行先はガバクラとする。\n');
    document = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(document);
    await waitForDiagnostics(document.uri, (found) => found.some((d) => codeOf(d) === 'term/variant' && d.range.start.line === 2));
    const [before] = await waitFor(`the govsec server process (children of ${process.pid}: ${children().join('; ')})`, () => {
      const pids = serverProcesses();
      return pids.length === 1 ? pids : undefined;
    });
    process.kill(before, 'SIGKILL');
    const [after] = await waitFor('a new govsec server process', () => {
      const pids = serverProcesses().filter((pid) => pid !== before);
      return pids.length === 1 ? pids : undefined;
    }, 30_000);
    assert.notEqual(after, before);
    // The restarted server has the document again (the client re-sends it): a hover on ガバクラ answers.
    await waitFor('a hover from the restarted server', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(2, 5));
      return hovers.length > 0;
    }, 30_000);
    // The restarted server answers for the open document: a new finding on a new line appears.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(3, 0), '\n予備環境もガバクラに置く。\n');
    assert.ok(await vscode.workspace.applyEdit(edit, { isRefactoring: false }));
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (found) => found.some((d) => codeOf(d) === 'term/variant' && d.range.start.line === 4),
      30_000,
    );
    assert.deepEqual(
      diagnostics.filter((d) => codeOf(d) === 'term/variant').map((d) => [d.range.start.line, d.range.start.character]),
      [
        [2, 4],
        [4, 5],
      ],
    );
  });
});
