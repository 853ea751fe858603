/**
 * Grammar for privacy declarations (`.privacy` files), version 1.
 *
 * The grammar knows only one shape — a statement is a name, argument groups and an optional
 * block — so that unknown fields and wrong values are reported by the checker with a
 * "did you mean …" instead of a bare syntax error (spec/language.md §2).
 */
module.exports = grammar({
  name: 'privacy',

  // A BOM and no-break spaces are whitespace; newlines are statement separators, not extras.
  extras: $ => [/[ \t\f\uFEFF\u00A0]/, $.comment],

  rules: {
    source_file: $ => repeat(choice($.statement, $._separator)),

    // prec.right: on one line, every further value belongs to the statement being read.
    statement: $ => prec.right(seq(
      field('name', $.identifier),
      optional(field('arguments', $.arguments)),
      optional(field('body', $.block)),
    )),

    // Commas separate groups; a newline right after a comma continues the statement.
    arguments: $ => seq($.group, repeat(seq(',', repeat($._newline), $.group))),

    group: $ => prec.right(repeat1($._value)),

    block: $ => seq('{', repeat(choice($.statement, $._separator)), '}'),

    _separator: $ => choice($._newline, ';'),

    // \n, \r\n and a lone \r all end a line, as in LSP.
    _newline: _ => /\r\n?|\n/,

    _value: $ => choice(
      $.identifier,
      $.country,
      $.string,
      $.text_block,
      $.unterminated_string,
      $.integer,
      $.duration,
      $.date,
    ),

    // Permissive on purpose: the checker says what is wrong with `myId` or `USA`.
    identifier: _ => /[a-z_][A-Za-z0-9_]*/,
    country: _ => /[A-Z][A-Za-z0-9_]*/,

    string: _ => /"([^"\\\r\n]|\\[^\r\n])*"/,
    text_block: _ => /"""([^"]|"[^"]|""[^"])*"""/,
    // A string left open ends at the end of its line; the checker reports it as a syntax error.
    unterminated_string: _ => /"([^"\\\r\n]|\\[^\r\n])*/,

    integer: _ => /[0-9]+/,
    duration: _ => /[0-9]+[ \t]+(days?|weeks?|months?|years?)/,
    date: _ => /[0-9]{4}-[0-9]{2}-[0-9]{2}/,

    comment: _ => token(seq('#', /[^\r\n]*/)),
  },
});
