// The privlint playground: CodeMirror 6 over the WebAssembly build of privlint (wasm/). Every
// check, format, notice and record happens in this page; after it has loaded it makes no
// request (tests/playground/playground.mjs checks that).
import { EditorView, basicSetup } from "codemirror";
import { keymap } from "@codemirror/view";
import { StreamLanguage } from "@codemirror/language";
import { setDiagnostics } from "@codemirror/lint";
import examples from "privlint-examples";
import init, * as wasm from "./pkg/privlint_wasm.js";

// Highlighting: comments, texts, numbers, and the word that opens a field or block.
const privacy = StreamLanguage.define({
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return "string";
    if (stream.match(/^\d+/)) return "number";
    const startOfLine = stream.sol() || /^\s*$/.test(stream.string.slice(0, stream.start)) ||
      /[{;]\s*$/.test(stream.string.slice(0, stream.start));
    if (stream.match(/^[A-Za-z_][\w-]*/)) return startOfLine ? "keyword" : null;
    stream.next();
    return null;
  },
});

const $ = (id) => document.getElementById(id);
let files = {};      // name -> text
let current = null;  // the name of the file in the editor
let view;
let report = { diagnostics: [] };

function utf8ToBase64url(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}
function base64urlToUtf8(data) {
  const binary = atob(data.replace(/-/g, "+").replace(/_/g, "/"));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The files a link carries: `#src=` one file, `#files=` several (JSON of name -> text). */
function fromFragment() {
  const params = new URLSearchParams(location.hash.slice(1));
  if (params.has("src")) return { "declaration.privacy": base64urlToUtf8(params.get("src")) };
  if (params.has("files")) return JSON.parse(base64urlToUtf8(params.get("files")));
  return null;
}
function link() {
  const names = Object.keys(files);
  const hash = names.length === 1
    ? "src=" + utf8ToBase64url(files[names[0]])
    : "files=" + utf8ToBase64url(JSON.stringify(files));
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

const rulesByName = new Map();

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
      doc.querySelector("pre").textContent = rulesByName.get(d.rule)?.documentation ?? d.rule;
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
  updatePreview();
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

await init();
for (const rule of JSON.parse(wasm.rules())) rulesByName.set(rule.name, rule);
window.privlint = { ...wasm, files: () => ({ ...files }), load };

view = new EditorView({
  parent: $("editor"),
  extensions: [
    basicSetup,
    privacy,
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
$("share").addEventListener("click", () => {
  history.replaceState(null, "", link());
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

load(fromFragment() ?? { ...examples[Object.keys(examples)[0]] });
document.body.dataset.ready = "true";
