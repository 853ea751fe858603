// The page of the notice preview (a webview), and what it needs that does not depend on
// vscode, so that test/preview.test.mjs runs it in plain Node.
//
// The page is fixed: a toolbar (the language picker, the draft status) and a sandboxed iframe.
// The notice, an HTML document rendered (and escaped) by the language server, is put as a whole
// into the iframe's `srcdoc` by the page's script; nothing of it is put into this page. The
// iframe is sandboxed without `allow-scripts`, and inherits this page's content security policy,
// which runs only the script that carries the page's nonce: no script of the notice ever runs.

/** One notice, as `privlint.previewNotice` returns it. */
export interface Notice {
  html: string;
  languages: string[];
  language: string;
  errors: number;
}

/** Messages from the extension to the page. */
export type ToPage =
  | { type: 'notice'; html: string; languages: string[]; language: string; errors: number; names: Record<string, string> }
  | { type: 'failed'; message: string };

/** Messages from the page to the extension. */
export type FromPage = { type: 'ready' } | { type: 'language'; language: string } | { type: 'open'; href: string };

const NAMES: Record<string, string> = {
  nb: 'Norsk bokmål',
  nn: 'Norsk nynorsk',
  en: 'English',
};

/** The name of a language in itself ("English"), or its tag. */
export function languageName(tag: string): string {
  return NAMES[tag] ?? tag;
}

/** A nonce for the page's one script: 32 characters from a random source. */
export function makeNonce(random: (size: number) => Uint8Array): string {
  return Buffer.from(random(24)).toString('base64').replace(/[+/=]/g, 'x');
}

/**
 * The page's content security policy: nothing is loaded from anywhere; the only script is the
 * page's own (by nonce); styles inline (the notice carries its own `<style>`); images only as
 * data (the notice has none); the iframe only as `srcdoc`.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    "frame-src 'self' about:",
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** Whether a link of the notice may be opened outside the preview (by the extension). */
export function isOpenableLink(href: string): boolean {
  return /^(https?:|mailto:|tel:)/i.test(href);
}

/** The page, without any notice in it (it comes by message). */
export function shellHtml(nonce: string, title: string): string {
  // `title` is privlint's own text; escaped all the same.
  const safeTitle = title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${safeTitle}</title>
<style>
html, body { height: 100%; margin: 0; padding: 0; }
body { display: flex; flex-direction: column; background: var(--vscode-editor-background); color: var(--vscode-foreground);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
#bar { display: flex; gap: 0.75em; align-items: center; padding: 4px 8px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
#bar label { display: flex; gap: 0.4em; align-items: center; }
#bar select { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground);
  border: 1px solid var(--vscode-dropdown-border, transparent); padding: 2px 4px; }
#status { opacity: 0.85; }
#status.error { color: var(--vscode-errorForeground); opacity: 1; }
#notice { flex: 1; width: 100%; border: 0; background: #fff; }
</style>
</head>
<body>
<div id="bar" role="toolbar" aria-label="Notice preview">
<label for="language">Language <select id="language" disabled></select></label>
<span id="status" role="status" aria-live="polite">Rendering the notice…</span>
</div>
<iframe id="notice" title="Privacy notice" sandbox="allow-same-origin"></iframe>
<script nonce="${nonce}">
${PAGE_SCRIPT}
</script>
</body>
</html>
`;
}

/**
 * The page's script. It builds the picker with DOM calls (option text as `textContent`), puts the
 * notice into the iframe's `srcdoc`, keeps the scroll position across updates, and hands the
 * notice's external links to the extension (the sandbox would not open them).
 */
export const PAGE_SCRIPT = `(function () {
  const vscode = acquireVsCodeApi();
  const picker = document.getElementById('language');
  const status = document.getElementById('status');
  const frame = document.getElementById('notice');
  let scroll = { x: 0, y: 0 };
  let current = '';
  frame.addEventListener('load', function () {
    const view = frame.contentWindow;
    if (!view) return;
    view.scrollTo(scroll.x, scroll.y);
    const doc = frame.contentDocument;
    if (doc) {
      doc.addEventListener('click', function (event) {
        const link = event.target instanceof view.Element ? event.target.closest('a[href]') : null;
        if (!link) return;
        const href = link.getAttribute('href') || '';
        if (href.startsWith('#')) return;
        event.preventDefault();
        vscode.postMessage({ type: 'open', href: href });
      });
    }
  });
  picker.addEventListener('change', function () {
    status.textContent = 'Rendering the notice…';
    vscode.postMessage({ type: 'language', language: picker.value });
  });
  window.addEventListener('message', function (event) {
    const message = event.data;
    if (!message || typeof message !== 'object') return;
    if (message.type === 'failed') {
      status.textContent = String(message.message);
      status.className = 'error';
      return;
    }
    if (message.type !== 'notice') return;
    const tags = Array.isArray(message.languages) ? message.languages.map(String) : [];
    if (tags.join(',') !== Array.from(picker.options).map(function (o) { return o.value; }).join(',')) {
      picker.replaceChildren();
      for (const tag of tags) {
        const option = document.createElement('option');
        option.value = tag;
        option.textContent = (message.names && message.names[tag]) ? message.names[tag] + ' (' + tag + ')' : tag;
        picker.appendChild(option);
      }
    }
    picker.value = String(message.language);
    picker.disabled = tags.length < 2;
    const errors = Number(message.errors) || 0;
    status.textContent = errors > 0
      ? 'Draft: the declaration has ' + errors + (errors === 1 ? ' error' : ' errors')
      : '';
    status.className = errors > 0 ? 'error' : '';
    if (message.html !== current) {
      const view = frame.contentWindow;
      if (view && frame.contentDocument && frame.contentDocument.body) {
        scroll = { x: view.scrollX, y: view.scrollY };
      }
      current = message.html;
      frame.srcdoc = String(message.html);
    }
  });
  vscode.postMessage({ type: 'ready' });
})();`;

/** The timer functions a [`Debouncer`] uses (the tests pass a fake clock). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Runs `action` once calls to `schedule` have stopped for `delay` ms. */
export class Debouncer {
  private timer: unknown;

  constructor(
    private readonly delay: number,
    private readonly action: () => void,
    private readonly timers: Timers = realTimers,
  ) {}

  schedule(): void {
    this.cancel();
    this.timer = this.timers.setTimeout(() => {
      this.timer = undefined;
      this.action();
    }, this.delay);
  }

  /** Runs the action now (a save), dropping the one scheduled. */
  flush(): void {
    this.cancel();
    this.action();
  }

  cancel(): void {
    if (this.timer !== undefined) {
      this.timers.clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  get pending(): boolean {
    return this.timer !== undefined;
  }
}

/**
 * Orders the answers of requests that may come back out of order: `begin` numbers a request,
 * `isLatest` says whether its answer is still the newest asked for.
 */
export class Sequence {
  private last = 0;

  begin(): number {
    this.last += 1;
    return this.last;
  }

  isLatest(n: number): boolean {
    return n === this.last;
  }
}

/** Checks the shape of the server's answer. */
export function asNotice(value: unknown): Notice | undefined {
  if (!value || typeof value !== 'object') {
    return undefined;
  }
  const v = value as Record<string, unknown>;
  if (
    typeof v.html !== 'string' ||
    typeof v.language !== 'string' ||
    typeof v.errors !== 'number' ||
    !Array.isArray(v.languages) ||
    !v.languages.every((l) => typeof l === 'string')
  ) {
    return undefined;
  }
  return { html: v.html, language: v.language, errors: v.errors, languages: v.languages as string[] };
}

/** The message that shows a notice. */
export function noticeMessage(notice: Notice): ToPage {
  const names: Record<string, string> = {};
  for (const tag of notice.languages) {
    names[tag] = languageName(tag);
  }
  return { type: 'notice', ...notice, names };
}
