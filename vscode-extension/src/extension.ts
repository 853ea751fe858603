// The privlint extension: starts `privlint lsp` for `.privacy` files (language id `privacy`),
// passes the `privlint.rules` and `privlint.language` settings to it, and adds "privlint: Show Rule Documentation" and
// "privlint: Preview Notice" (preview.ts).

import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  State,
} from 'vscode-languageclient/node';

import { findBinary, isFound } from './binary';
import { language } from './language';
import { say } from './messages';
import { refreshPreviews, registerPreview } from './preview';

const LANGUAGE_ID = 'privacy';
const DOC_SCHEME = 'privlint-rule';

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let status: vscode.LanguageStatusItem;
/** Rule documentation shown in virtual documents, by rule name. */
const docs = new Map<string, string>();
const docsChanged = new vscode.EventEmitter<vscode.Uri>();

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel('privlint', { log: true });
  status = vscode.languages.createLanguageStatusItem('privlint.status', { language: LANGUAGE_ID });
  status.name = 'privlint';
  status.command = { title: say(language(), 'showOutput'), command: 'privlint.showOutput' };
  context.subscriptions.push(output, status, docsChanged);

  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOC_SCHEME, {
      onDidChange: docsChanged.event,
      provideTextDocumentContent: (uri) => docs.get(ruleOfUri(uri)) ?? '',
    }),
    vscode.commands.registerCommand('privlint.showRuleDocumentation', (rule?: unknown) =>
      showRuleDocumentation(typeof rule === 'string' ? rule : undefined),
    ),
    vscode.commands.registerCommand('privlint.restartServer', () => restart(context)),
    vscode.commands.registerCommand('privlint.showOutput', () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The rules and the trace are passed on by the client; another binary, or another
      // language (read by the server at initialize), needs a restart.
      if (e.affectsConfiguration('privlint.path') || e.affectsConfiguration('privlint.language')) {
        void restart(context);
      }
    }),
  );

  registerPreview(context, () => client, (line) => output.appendLine(line));

  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const found = findBinary({
    env: process.env,
    setting: vscode.workspace.getConfiguration('privlint').get<string>('path'),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    platform: process.platform,
  });
  if (!isFound(found)) {
    status.severity = vscode.LanguageStatusSeverity.Error;
    status.text = say(language(), 'notFoundStatus');
    status.detail = say(language(), 'notFoundDetail');
    output.appendLine(say(language(), 'notFoundSearched'));
    for (const line of found.searched) {
      output.appendLine(`  - ${line}`);
    }
    const why = found.badSetting ? `privlint: ${found.badSetting}.` : say(language(), 'notFound');
    const searched = found.searched.filter((l) => !l.startsWith('the PRIVLINT_PATH environment variable: not set')).join('; ');
    offerSettingOrOutput(say(language(), 'notFoundHelp', { why, searched }));
    return;
  }

  output.appendLine(say(language(), 'starting', { path: found.path, origin: found.origin }));
  status.severity = vscode.LanguageStatusSeverity.Information;
  status.text = 'privlint';
  status.detail = found.path;

  // No `transport`: with TransportKind.stdio the client would append `--stdio`, which
  // `privlint lsp` does not take; without it the server is spoken to over stdio all the same.
  const serverOptions: ServerOptions = {
    command: found.path,
    args: ['lsp'],
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: LANGUAGE_ID },
      { scheme: 'untitled', language: LANGUAGE_ID },
    ],
    // The server reads `rules` here at initialize, and `{privlint: {rules}}` from every
    // workspace/didChangeConfiguration, which the client sends for this section.
    // `language` is `privlint.language`, absent when not set (the server then chooses).
    initializationOptions: () => ({ rules: rulesSetting(), language: language() }),
    synchronize: {
      configurationSection: 'privlint',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/privlint.toml'),
    },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };

  // The id `privlint` makes the client honour the `privlint.trace.server` setting.
  client = new LanguageClient('privlint', 'privlint', serverOptions, clientOptions);
  client.onDidChangeState((e) => {
    if (e.newState === State.Stopped) {
      status.severity = vscode.LanguageStatusSeverity.Warning;
      status.text = say(language(), 'stopped');
    } else if (e.newState === State.Running) {
      status.severity = vscode.LanguageStatusSeverity.Information;
      status.text = 'privlint';
    }
  });
  try {
    await client.start();
    const info = client.initializeResult?.serverInfo;
    output.appendLine(say(language(), 'running', { server: `${info?.name ?? 'privlint'} ${info?.version ?? ''}`.trimEnd() }));
    status.text = info?.version ? `privlint ${info.version}` : 'privlint';
    refreshPreviews();
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    output.appendLine(say(language(), 'didNotStartLog', { reason: text }));
    offerSettingOrOutput(say(language(), 'didNotStart', { path: found.path, reason: text }));
  }
}

/** An error message with the buttons "Open Setting" (privlint.path) and "Show Output". */
function offerSettingOrOutput(message: string): void {
  const openSetting = say(language(), 'openSetting');
  const showOutput = say(language(), 'showOutput');
  void vscode.window.showErrorMessage(message, openSetting, showOutput).then((choice) => {
    if (choice === openSetting) {
      openPathSetting();
    } else if (choice === showOutput) {
      output.show(true);
    }
  });
}

/** privlint.path is machine-scoped: in a remote window (SSH, code-server) it is a setting of the remote. */
function openPathSetting(): void {
  const command = vscode.env.remoteName ? 'workbench.action.openRemoteSettings' : 'workbench.action.openSettings';
  void vscode.commands.executeCommand(command, { query: 'privlint.path' });
}

async function stop(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) {
    try {
      await running.stop();
    } catch (error) {
      output.appendLine(say(language(), 'stopping', { reason: String(error) }));
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  await stop();
  await start(context);
}

function rulesSetting(): Record<string, string> {
  return vscode.workspace.getConfiguration('privlint').get<Record<string, string>>('rules') ?? {};
}

function ruleOfUri(uri: vscode.Uri): string {
  return uri.path.replace(/^\//, '').replace(/\.md$/, '');
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  if (code === undefined) {
    return undefined;
  }
  if (typeof code === 'object') {
    return String(code.value);
  }
  return String(code);
}

/** The rules of the privlint findings at the cursor (or that touch the selection). */
function rulesAtCursor(editor: vscode.TextEditor | undefined): string[] {
  if (!editor) {
    return [];
  }
  const selection = editor.selection;
  const rules = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'privlint')
    .filter((d) => (selection.isEmpty ? d.range.contains(selection.active) : d.range.intersection(selection) !== undefined))
    .map(codeOf)
    .filter((c): c is string => c !== undefined);
  return [...new Set(rules)];
}

interface RuleInfo {
  name: string;
  severity?: string;
  article?: string;
  summary?: string;
}

let rulesCache: { client: LanguageClient; rules: RuleInfo[] } | undefined;

/** Every rule, from the server's `privlint.listRules` command (name, severity, article,
 * summary, fix availability), cached for the life of the client. */
async function listRules(): Promise<RuleInfo[]> {
  if (!client || !client.isRunning()) {
    return [];
  }
  if (rulesCache?.client === client) {
    return rulesCache.rules;
  }
  try {
    const answer = await client.sendRequest(ExecuteCommandRequest.type, { command: 'privlint.listRules', arguments: [] });
    const rules = Array.isArray(answer)
      ? answer
          .filter((r): r is { name: string; severity?: string; article?: string | null; summary?: string } => typeof r?.name === 'string')
          .map((r) => ({ name: r.name, severity: r.severity, article: r.article ?? undefined, summary: r.summary }))
      : [];
    rulesCache = { client, rules };
    return rules;
  } catch (error) {
    output.appendLine(`privlint.listRules: ${error instanceof Error ? error.message : String(error)}`);
    return [];
  }
}

async function showRuleDocumentation(given?: string): Promise<void> {
  if (!client || !client.isRunning()) {
    void vscode.window.showErrorMessage(say(language(), 'notRunning'));
    return;
  }
  let rule = given;
  if (!rule) {
    const atCursor = rulesAtCursor(vscode.window.activeTextEditor);
    if (atCursor.length === 1) {
      rule = atCursor[0];
    } else if (atCursor.length > 1) {
      rule = await vscode.window.showQuickPick(atCursor, { placeHolder: say(language(), 'whichRule') });
    } else {
      const items = (await listRules()).map((r) => ({
        label: r.name,
        description: r.severity,
        detail: r.summary ? `${r.summary}${r.article ? ` (${r.article})` : ''}` : undefined,
      }));
      if (items.length > 0) {
        const picked = await vscode.window.showQuickPick(items, {
          placeHolder: say(language(), 'pickRule'),
          matchOnDetail: true,
        });
        rule = picked?.label;
      } else {
        rule = await vscode.window.showInputBox({
          prompt: say(language(), 'ruleName'),
          placeHolder: 'missing-legal-basis',
        });
      }
    }
  }
  if (!rule) {
    return;
  }
  let markdown: unknown;
  try {
    markdown = await client.sendRequest(ExecuteCommandRequest.type, {
      command: 'privlint.explainRule',
      arguments: [rule],
    });
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(say(language(), 'noDocumentation', { rule, reason: text }));
    return;
  }
  if (typeof markdown !== 'string') {
    void vscode.window.showErrorMessage(say(language(), 'emptyDocumentation', { rule }));
    return;
  }
  const uri = vscode.Uri.from({ scheme: DOC_SCHEME, path: `/${rule}.md` });
  docs.set(rule, markdown);
  docsChanged.fire(uri);
  // The rendered preview where the built-in markdown extension is there; else the source.
  try {
    await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  } catch {
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  }
}
