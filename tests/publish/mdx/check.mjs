// Reads Markdown files as Docusaurus 3 does (MDX, with GitHub Flavored Markdown) and prints, per
// file, what test_markdown.py checks: whether it compiles, every MDX node that would run code or
// render a component (expressions, JSX, ESM), and the text a reader would see.
//
// Usage: node check.mjs FILE...   (prints one JSON object: {FILE: {error, mdx, text}})
import {readFile} from 'node:fs/promises'
import {compile, createProcessor} from '@mdx-js/mdx'
import remarkGfm from 'remark-gfm'

const MDX_NODES = new Set([
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxjsEsm',
])

// Inline content that is part of the running text: a string stays whole across it (a URL that
// GFM makes a link, say). Every other node, and a line break, separates texts.
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'link', 'inlineCode'])

function walk(node, found, text) {
  if (MDX_NODES.has(node.type)) {
    found.push({
      type: node.type,
      name: node.name ?? null,
      attributes: (node.attributes ?? []).map((a) => a.name ?? a.type),
      children: (node.children ?? []).length,
      value: node.value ?? null,
      line: node.position?.start.line ?? null,
    })
  }
  const separate = !PHRASING.has(node.type)
  if (separate) text.push(' ')
  if (node.type === 'text' || node.type === 'inlineCode') text.push(node.value)
  for (const child of node.children ?? []) walk(child, found, text)
  if (separate) text.push(' ')
}

const result = {}
for (const path of process.argv.slice(2)) {
  const source = await readFile(path, 'utf8')
  const entry = {error: null, mdx: [], text: ''}
  try {
    const tree = createProcessor({remarkPlugins: [remarkGfm]}).parse(source)
    const text = []
    walk(tree, entry.mdx, text)
    entry.text = text.join('')
    await compile(source, {remarkPlugins: [remarkGfm]})
  } catch (error) {
    entry.error = String(error)
  }
  result[path] = entry
}
process.stdout.write(JSON.stringify(result))
