; Highlighting for .privacy files. Earlier patterns win.

(comment) @comment

(statement
  name: (identifier) @keyword)

; Vocabulary words of version 1: legal bases, Art. 9/10 conditions, safeguards, rights, claims.
((identifier) @constant.builtin
  (#match? @constant.builtin "^(consent|contract|legal_obligation|vital_interests|public_task|legitimate_interests|explicit_consent|employment|nonprofit_body|made_public|legal_claims|substantial_public_interest|health_care|public_health|archiving_research|official_authority|authorised_by_law|adequacy|dpf|scc|bcr|code_of_conduct|certification|ad_hoc_clauses|derogation|human_review|express_view|contest|until|after|indefinite)$"))

(group
  (identifier) @variable)

(country) @constant
(string) @string
(text_block) @string
(unterminated_string) @string
(integer) @number
(duration) @number
(date) @string.special

["{" "}"] @punctuation.bracket
["," ";"] @punctuation.delimiter
