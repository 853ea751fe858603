// "privlint: Preview Notice": the privacy notice of a declaration, rendered by the language
// server (`privlint.previewNotice`), in a webview beside it, updated as the declaration is
// edited (300 ms after the last change, and at once on save), in the language picked in the
// preview. The page and its security policy are in previewShell.ts.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient } from 'vscode-languageclient/node';

import { language } from './language';
import { say } from './messages';
import { asNotice, Debouncer, FromPage, isOpenableLink, makeNonce, Notice, noticeMessage, Sequence, shellHtml, ToPage } from './previewShell';

/** The server's command, which renders the notice. vscode-languageclient registers a command of
 * that name that forwards to the server, so the editor's command has another name. */
export const PREVIEW_COMMAND = 'privlint.previewNotice';
/** "privlint: Preview Notice". */
export const SHOW_PREVIEW_COMMAND = 'privlint.showNoticePreview';
const VIEW_TYPE = 'privlint.noticePreview';
/** How long typing must pause before the preview is rendered again. */
export const DEBOUNCE_MS = 300;

/** The running language client, if any (it changes when the server is restarted). */
export type ClientSource = () => LanguageClient | undefined;

/** The open previews, by the URI of their declaration. */
const previews = new Map<string, NoticePreview>();

export function registerPreview(context: vscode.ExtensionContext, client: ClientSource, log: (line: string) => void): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_PREVIEW_COMMAND, (resource?: unknown) => showPreview(client, log, resource)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) {
        previews.get(e.document.uri.toString())?.changed();
      }
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => previews.get(doc.uri.toString())?.saved()),
    vscode.workspace.onDidOpenTextDocument((doc) => previews.get(doc.uri.toString())?.changed()),
    { dispose: () => [...previews.values()].forEach((p) => p.dispose()) },
  );
}

/** Refreshes every preview (the server was restarted). */
export function refreshPreviews(): void {
  for (const preview of previews.values()) {
    preview.changed();
  }
}

async function showPreview(client: ClientSource, log: (line: string) => void, resource?: unknown): Promise<void> {
  let document: vscode.TextDocument | undefined;
  if (resource instanceof vscode.Uri) {
    document = await vscode.workspace.openTextDocument(resource);
  } else if (vscode.window.activeTextEditor?.document.languageId === 'privacy') {
    document = vscode.window.activeTextEditor.document;
  } else {
    document = vscode.window.visibleTextEditors.find((e) => e.document.languageId === 'privacy')?.document;
  }
  if (!document || document.languageId !== 'privacy') {
    void vscode.window.showErrorMessage(say(language(), 'openDeclaration'));
    return;
  }
  const existing = previews.get(document.uri.toString());
  if (existing) {
    existing.reveal();
    return;
  }
  const preview = new NoticePreview(document, client, log);
  previews.set(document.uri.toString(), preview);
}

class NoticePreview {
  private readonly panel: vscode.WebviewPanel;
  private readonly debouncer: Debouncer;
  private readonly sequence = new Sequence();
  private readonly disposables: vscode.Disposable[] = [];
  /** The language picked in the preview; the notice's first until one is picked. */
  private language: string | undefined;
  private last: Notice | undefined;
  private disposed = false;

  constructor(
    private readonly document: vscode.TextDocument,
    private readonly client: ClientSource,
    private readonly log: (line: string) => void,
  ) {
    const name = document.uri.path.split('/').pop() ?? 'declaration';
    const title = say(language(), 'previewTitle', { name });
    this.panel = vscode.window.createWebviewPanel(
      VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // The page's own script (the picker) needs scripts on; the page's policy runs no other.
      { enableScripts: true, enableCommandUris: false, localResourceRoots: [] },
    );
    this.panel.webview.html = shellHtml(makeNonce((n) => randomBytes(n)), title);
    this.debouncer = new Debouncer(DEBOUNCE_MS, () => void this.render());
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: FromPage) => this.received(m), undefined, this.disposables);
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
  }

  changed(): void {
    this.debouncer.schedule();
  }

  saved(): void {
    this.debouncer.flush();
  }

  dispose(): void {
    if (this.disposed) {
      return;
    }
    this.disposed = true;
    this.debouncer.cancel();
    previews.delete(this.document.uri.toString());
    this.panel.dispose();
    this.disposables.forEach((d) => d.dispose());
  }

  private received(message: FromPage): void {
    if (!message || typeof message !== 'object') {
      return;
    }
    switch (message.type) {
      case 'ready':
        // The page (re)loaded: show what there is, and render it anew.
        if (this.last) {
          void this.post(noticeMessage(this.last));
        }
        this.debouncer.flush();
        break;
      case 'language':
        if (typeof message.language === 'string') {
          this.language = message.language;
          this.debouncer.flush();
        }
        break;
      case 'open':
        if (typeof message.href === 'string' && isOpenableLink(message.href)) {
          void vscode.env.openExternal(vscode.Uri.parse(message.href, true));
        }
        break;
    }
  }

  private async render(): Promise<void> {
    const client = this.client();
    if (!client || !client.isRunning()) {
      void this.post({ type: 'failed', message: 'The privlint language server is not running (see the privlint output).' });
      return;
    }
    const n = this.sequence.begin();
    try {
      const answer = await client.sendRequest(ExecuteCommandRequest.type, {
        command: PREVIEW_COMMAND,
        arguments: [
          {
            uri: client.code2ProtocolConverter.asUri(this.document.uri),
            language: this.language,
            format: 'html',
          },
        ],
      });
      if (this.disposed || !this.sequence.isLatest(n)) {
        return; // a newer render is under way
      }
      const notice = asNotice(answer);
      if (!notice) {
        void this.post({ type: 'failed', message: 'The language server returned no notice.' });
        return;
      }
      this.last = notice;
      void this.post(noticeMessage(notice));
    } catch (error) {
      if (this.disposed || !this.sequence.isLatest(n)) {
        return;
      }
      const text = error instanceof Error ? error.message : String(error);
      // ContentModified: the text changed while a large declaration was rendered; the change
      // has scheduled the next render.
      if (/content modified/i.test(text) || (error as { code?: number }).code === -32801) {
        return;
      }
      this.log(`privlint: the notice preview failed: ${text}`);
      void this.post({ type: 'failed', message: `The notice could not be rendered: ${text}` });
    }
  }

  private post(message: ToPage): Thenable<boolean> {
    return this.disposed ? Promise.resolve(false) : this.panel.webview.postMessage(message);
  }
}
