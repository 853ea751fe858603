// What the extension itself says (error messages, the status item, lines in the output
// channel) in Bokmål, Nynorsk and English, chosen by the `privlint.language` setting. Each
// message is one entry with the three versions side by side: the type below makes a missing
// language a compile error (`npm run typecheck`), and test/messages.test.mjs checks that the
// three versions have the same `{placeholders}`. Command titles and other contributed strings
// stay English: VS Code has no Norwegian display language to show them in.
// No dependency on vscode, so that it is tested in plain Node.

export type Language = 'nb' | 'nn' | 'en';

/** One message in each language. */
export type Texts = Readonly<Record<Language, string>>;

export const MESSAGES = {
  notFoundStatus: {
    nb: 'privlint: ikke funnet',
    nn: 'privlint: ikkje funnen',
    en: 'privlint: not found',
  },
  notFoundDetail: {
    nb: 'fant ikke programmet til språktjeneren',
    nn: 'fann ikkje programmet til språktenaren',
    en: 'the language server binary was not found',
  },
  notFoundSearched: {
    nb: 'Fant ikke privlint. Lette etter det her, i denne rekkefølgen:',
    nn: 'Fann ikkje privlint. Leitte etter det her, i denne rekkjefølgja:',
    en: 'privlint was not found. Searched, in order:',
  },
  notFound: {
    nb: 'privlint: fant ikke programmet privlint, så .privacy-filer blir ikke sjekket.',
    nn: 'privlint: fann ikkje programmet privlint, så .privacy-filer blir ikkje sjekka.',
    en: 'privlint: the privlint binary was not found, so .privacy files are not checked.',
  },
  notFoundHelp: {
    nb: '{why} Lette her: {searched}. Sett "privlint.path" til programmet privlint, eller installer det på PATH (`cargo install --locked --path .` i en kopi av privlint).',
    nn: '{why} Leitte her: {searched}. Set "privlint.path" til programmet privlint, eller installer det på PATH (`cargo install --locked --path .` i ein kopi av privlint).',
    en: '{why} Searched: {searched}. Set "privlint.path" to the privlint binary, or install it on PATH (`cargo install --locked --path .` in a privlint checkout).',
  },
  openSetting: {
    nb: 'Åpne innstillingen',
    nn: 'Opne innstillinga',
    en: 'Open Setting',
  },
  showOutput: {
    nb: 'Vis utdata',
    nn: 'Vis utdata',
    en: 'Show Output',
  },
  starting: {
    nb: 'privlint: starter {path} lsp (funnet via {origin})',
    nn: 'privlint: startar {path} lsp (funnen via {origin})',
    en: 'privlint: starting {path} lsp (found through {origin})',
  },
  stopped: {
    nb: 'privlint: stoppet',
    nn: 'privlint: stoppa',
    en: 'privlint: stopped',
  },
  running: {
    nb: 'privlint: språktjeneren kjører ({server})',
    nn: 'privlint: språktenaren køyrer ({server})',
    en: 'privlint: language server running ({server})',
  },
  didNotStartLog: {
    nb: 'privlint: språktjeneren startet ikke: {reason}',
    nn: 'privlint: språktenaren starta ikkje: {reason}',
    en: 'privlint: the language server did not start: {reason}',
  },
  didNotStart: {
    nb: 'privlint: {path} lsp startet ikke ({reason}). Sjekk at det er et privlint-program med kommandoen `lsp`, eller sett "privlint.path".',
    nn: 'privlint: {path} lsp starta ikkje ({reason}). Sjekk at det er eit privlint-program med kommandoen `lsp`, eller set "privlint.path".',
    en: 'privlint: {path} lsp did not start ({reason}). Check that it is a privlint binary with the `lsp` command, or set "privlint.path".',
  },
  stopping: {
    nb: 'privlint: stopper språktjeneren: {reason}',
    nn: 'privlint: stoppar språktenaren: {reason}',
    en: 'privlint: stopping the language server: {reason}',
  },
  notRunning: {
    nb: 'privlint: språktjeneren kjører ikke, så dokumentasjonen av reglene er ikke tilgjengelig (se utdataene fra privlint).',
    nn: 'privlint: språktenaren køyrer ikkje, så dokumentasjonen av reglane er ikkje tilgjengeleg (sjå utdataa frå privlint).',
    en: 'privlint: the language server is not running, so rule documentation is not available (see the privlint output).',
  },
  whichRule: {
    nb: 'Funn fra privlint ved markøren: hvilken regel?',
    nn: 'Funn frå privlint ved markøren: kva for ein regel?',
    en: 'privlint findings at the cursor: which rule?',
  },
  pickRule: {
    nb: 'Ingen funn fra privlint ved markøren: velg en regel å lese om',
    nn: 'Ingen funn frå privlint ved markøren: vel ein regel å lese om',
    en: 'No privlint finding at the cursor: pick a rule to read about',
  },
  ruleName: {
    nb: 'Ingen funn fra privlint ved markøren. Navnet på regelen (se `privlint rules`):',
    nn: 'Ingen funn frå privlint ved markøren. Namnet på regelen (sjå `privlint rules`):',
    en: 'No privlint finding at the cursor. Rule name (see `privlint rules`):',
  },
  noDocumentation: {
    nb: 'privlint: ingen dokumentasjon for «{rule}»: {reason}',
    nn: 'privlint: ingen dokumentasjon for «{rule}»: {reason}',
    en: 'privlint: no documentation for "{rule}": {reason}',
  },
  emptyDocumentation: {
    nb: 'privlint: språktjeneren sendte ingen dokumentasjon for «{rule}».',
    nn: 'privlint: språktenaren sende ingen dokumentasjon for «{rule}».',
    en: 'privlint: the server returned no documentation for "{rule}".',
  },
  previewTitle: {
    nb: 'Personvernerklæring: {name}',
    nn: 'Personvernerklæring: {name}',
    en: 'Notice: {name}',
  },
  openDeclaration: {
    nb: 'privlint: åpne en .privacy-erklæring for å forhåndsvise personvernerklæringen.',
    nn: 'privlint: opne ei .privacy-erklæring for å førehandsvise personvernerklæringa.',
    en: 'privlint: open a .privacy declaration to preview its notice.',
  },
} as const satisfies Record<string, Texts>;

export type Message = keyof typeof MESSAGES;

/** The `privlint.language` setting as a language, or `undefined` when it names none (not set):
 * the server then chooses from the project's configuration and the declaration. */
export function languageOf(setting: unknown): Language | undefined {
  return setting === 'nb' || setting === 'nn' || setting === 'en' ? setting : undefined;
}

/** A message in `language` (English when the setting names none), its `{placeholders}`
 * filled in. */
export function say(language: Language | undefined, message: Message, values: Record<string, string> = {}): string {
  return Object.entries(values).reduce(
    (text, [name, value]) => text.split(`{${name}}`).join(value),
    MESSAGES[message][language ?? 'en'] as string,
  );
}
