// The language the extension speaks: the `privlint.language` setting (see messages.ts).

import * as vscode from 'vscode';

import { Language, languageOf } from './messages';

/** The `privlint.language` setting; `undefined` when not set. */
export function language(): Language | undefined {
  return languageOf(vscode.workspace.getConfiguration('privlint').get('language'));
}
