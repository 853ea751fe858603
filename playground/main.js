// The privlint playground: CodeMirror 6 over the WebAssembly build of privlint (wasm/). Every
// check, format, notice and record happens in this page; after it has loaded it makes no
// request (tests/playground/playground.mjs checks that).
import { EditorView, basicSetup } from "codemirror";
import { Decoration, ViewPlugin, keymap } from "@codemirror/view";
import { StateEffect } from "@codemirror/state";
import { setDiagnostics } from "@codemirror/lint";
import examples from "privlint-examples";
import init, * as wasm from "./pkg/privlint_wasm.js";

// Highlighting from the grammar's own query (grammar/queries/highlights.scm, run by the wasm):
// each capture is a class, `tok-keyword`, `tok-constant-builtin`, ... (style.css colours them).
// After an edit the old marks move with the text and the query runs again once typing pauses.
const marks = new Map();
function highlightMarks(text) {
  return Decoration.set(wasm.highlights(text).map(([from, to, capture]) => {
    let mark = marks.get(capture);
    if (!mark) {
      mark = Decoration.mark({ class: "tok-" + capture.replaceAll(".", "-") });
      marks.set(capture, mark);
    }
    return mark.range(from, to);
  }), true);
}
const rehighlight = StateEffect.define();
const highlighting = ViewPlugin.fromClass(class {
  constructor(view) {
    this.decorations = highlightMarks(view.state.doc.toString());
  }
  update(update) {
    if (update.transactions.some((t) => t.effects.some((e) => e.is(rehighlight)))) {
      this.decorations = highlightMarks(update.state.doc.toString());
    } else if (update.docChanged) {
      this.decorations = this.decorations.map(update.changes);
      clearTimeout(this.pending);
      this.pending = setTimeout(() => update.view.dispatch({ effects: rehighlight.of(null) }), 100);
    }
  }
  destroy() {
    clearTimeout(this.pending);
  }
}, { decorations: (plugin) => plugin.decorations });

const $ = (id) => document.getElementById(id);
let files = {};      // name -> text
let current = null;  // the name of the file in the editor
let view;
let report = { diagnostics: [] };

function bytesToBase64url(bytes) {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function base64urlToBytes(data) {
  return Uint8Array.from(atob(data.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));
}
/** Bytes through the browser's own (de)compressor: "deflate-raw" needs no library. */
async function through(stream, bytes) {
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(stream)).arrayBuffer());
}

/**
 * The files a link carries: `#src=` one file (base64url of its UTF-8 text), `#files=` several
 * (base64url of the deflate-raw of the JSON object of name -> text).
 */
async function fromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("src")) {
    return { "declaration.privacy": new TextDecoder().decode(base64urlToBytes(params.get("src"))) };
  }
  if (params.has("files")) {
    const json = await through(new DecompressionStream("deflate-raw"), base64urlToBytes(params.get("files")));
    return JSON.parse(new TextDecoder().decode(json));
  }
  return null;
}
async function link() {
  const names = Object.keys(files);
  const hash = names.length === 1
    ? "src=" + bytesToBase64url(new TextEncoder().encode(files[names[0]]))
    : "files=" + bytesToBase64url(await through(new CompressionStream("deflate-raw"), new TextEncoder().encode(JSON.stringify(files))));
  return location.href.split("#")[0] + "#" + hash;
}

function renderTabs() {
  const tabs = $("tabs");
  tabs.replaceChildren();
  for (const name of Object.keys(files)) {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.role = "tab";
    tab.textContent = name;
    tab.setAttribute("aria-selected", String(name === current));
    tab.addEventListener("click", () => open(name));
    tabs.append(tab);
  }
}

function open(name) {
  current = name;
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: files[name] } });
  renderTabs();
  showFindings();
}

function load(newFiles) {
  files = newFiles;
  const names = Object.keys(files).filter((n) => !n.endsWith("privlint.toml"));
  current = names[0] ?? Object.keys(files)[0];
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: files[current] ?? "" } });
  renderTabs();
  update();
}

// The rules' documentation, read from the wasm the first time one is asked for.
let rulesByName;
function ruleDocumentation(name) {
  rulesByName ??= new Map(JSON.parse(wasm.rules()).map((rule) => [rule.name, rule]));
  return rulesByName.get(name)?.documentation ?? name;
}

function showFindings() {
  const list = $("findings");
  list.replaceChildren();
  const cm = [];
  const doc = view.state.doc;
  const offset = (line, column) => {
    const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
    return Math.min(l.from + column - 1, l.to);
  };
  for (const d of report.diagnostics) {
    const item = document.createElement("li");
    item.dataset.rule = d.rule;
    item.dataset.severity = d.severity;
    item.dataset.line = String(d.line);
    item.dataset.file = d.file;
    const jump = document.createElement("button");
    jump.textContent = `${d.file}:${d.line}:${d.column}`;
    jump.addEventListener("click", () => {
      if (d.file !== current) open(d.file);
      const at = offset(d.line, d.column);
      view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
      view.focus();
    });
    const rule = document.createElement("button");
    rule.className = "rule";
    rule.textContent = d.rule;
    rule.title = "Show the rule's documentation";
    rule.addEventListener("click", () => {
      const doc = $("rule-doc");
      doc.hidden = false;
      doc.querySelector("pre").textContent = ruleDocumentation(d.rule);
    });
    const text = document.createElement("span");
    text.textContent = ` ${d.severity}${d.article ? ", GDPR " + d.article : ""}: ${d.message}`;
    item.append(jump, " ", rule, text);
    list.append(item);
    if (d.file === current) {
      const from = offset(d.line, d.column);
      const to = Math.max(from, offset(d.end_line, d.end_column));
      cm.push({ from, to, severity: d.severity === "info" ? "info" : d.severity, message: `${d.rule}: ${d.message}` });
    }
  }
  if (report.diagnostics.length === 0) {
    const item = document.createElement("li");
    item.textContent = "No findings.";
    list.append(item);
  }
  view.dispatch(setDiagnostics(view.state, cm));
}

// The notice is rendered when the browser is idle: the findings come first.
let previewPending;
function schedulePreview() {
  if (previewPending) cancelIdleCallback(previewPending);
  previewPending = requestIdleCallback(() => { previewPending = undefined; updatePreview(); }, { timeout: 500 });
}
function updatePreview() {
  try {
    $("preview").srcdoc = wasm.notice(files, $("lang").value, "html");
    $("preview-error").textContent = "";
  } catch (error) {
    $("preview").srcdoc = "";
    $("preview-error").textContent = error.message;
  }
}

function update() {
  try {
    report = JSON.parse(wasm.check(files));
    $("status").textContent = `${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} infos`;
  } catch (error) {
    report = { diagnostics: [] };
    $("status").textContent = error.message;
  }
  showFindings();
  schedulePreview();
}

let pending;
function edited(text) {
  files[current] = text;
  clearTimeout(pending);
  pending = setTimeout(update, 150);
}

function download(name, type, data) {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function guarded(action) {
  return () => {
    try { action(); $("preview-error").textContent = ""; } catch (error) { $("preview-error").textContent = error.message; }
  };
}

function formatCurrent() {
  try {
    const formatted = wasm.format(files[current]);
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: formatted } });
  } catch (error) {
    $("status").textContent = error.message;
  }
  return true;
}

// Compiled as it downloads (WebAssembly.instantiateStreaming); index.html has the download
// start with the page, before this script has arrived.
await init();
window.privlint = { ...wasm, files: () => ({ ...files }), load };

view = new EditorView({
  parent: $("editor"),
  extensions: [
    basicSetup,
    highlighting,
    keymap.of([{ key: "Shift-Alt-f", run: formatCurrent }]),
    EditorView.updateListener.of((u) => { if (u.docChanged) edited(u.state.doc.toString()); }),
    EditorView.contentAttributes.of({ "aria-label": "Declaration text" }),
  ],
});
view.scrollDOM.tabIndex = 0; // keyboard access to the scrolled text (WCAG 2.1.1)

const select = $("example");
for (const name of Object.keys(examples)) {
  const option = document.createElement("option");
  option.value = name;
  option.textContent = name;
  select.append(option);
}
select.addEventListener("change", () => { if (select.value) load({ ...examples[select.value] }); });
$("format").addEventListener("click", formatCurrent);
$("add-file").addEventListener("click", () => {
  let n = Object.keys(files).length + 1;
  while (files[`file${n}.privacy`] !== undefined) n++;
  files[`file${n}.privacy`] = "";
  open(`file${n}.privacy`);
});
$("share").addEventListener("click", async () => {
  history.replaceState(null, "", await link());
  navigator.clipboard?.writeText(location.href).catch(() => {});
});
$("lang").addEventListener("change", updatePreview);
const lang = () => $("lang").value;
$("dl-notice").addEventListener("click", guarded(() => download(`notice.${lang()}.html`, "text/html", wasm.notice(files, lang(), "html"))));
$("dl-notice-md").addEventListener("click", guarded(() => download(`notice.${lang()}.md`, "text/markdown", wasm.notice(files, lang(), "md"))));
$("dl-xlsx").addEventListener("click", guarded(() => download(`record.${lang()}.xlsx`, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", wasm.record(files, lang(), "xlsx"))));
$("dl-csv").addEventListener("click", guarded(() => download(`record.${lang()}.csv`, "text/csv", wasm.record(files, lang(), "csv"))));
$("dl-md").addEventListener("click", guarded(() => download(`record.${lang()}.md`, "text/markdown", wasm.record(files, lang(), "md"))));
$("dl-dpv").addEventListener("click", guarded(() => download("declaration.dpv.jsonld", "application/ld+json", wasm.dpv(files))));

load(await fromFragment() ?? { ...examples[Object.keys(examples)[0]] });
// The time of the first findings on screen, by the page's own clock (from navigation start):
// the browser test reports it.
performance.mark("privlint-first-findings");
document.body.dataset.ready = "true";
