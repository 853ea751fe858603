; Highlighting for .privacy files. Earlier patterns win.
;
; The word lists mirror the tables of core (core/src/fields.rs: the fields of every block;
; core/src/vocab/mod.rs: the vocabularies) and the TextMate grammar of the VS Code extension;
; server/src/handlers/vocabulary_agrees.rs fails when a word is missing here.

(comment) @comment

; Statement names: every field of every block (the rights of `rights` and the claims of `claims`
; included). A name that is none of them is an unknown field (`unknown-field`) and is not coloured
; as a keyword.
(statement
  name: (identifier) @keyword
  (#match? @keyword "^(notice|controller|dpo|representative|category|subject|source|recipient|processor|joint_controller|purpose|rights|claims|language|languages|updated|url|org_number|country|address|email|phone|public_authority|authority|establishment|self_service|note|security|includes|special|criminal|national_id|child|employee|customer|public|data_subject|safeguard|agreement|arrangement|international_organisation|basis|condition|data|subjects|sources|recipients|processors|joint_controllers|retention|direct_marketing|profiling|monitoring|large_scale|manual|online_service|provision|reuses|dpia|identification|consultation|description|cookies|camera|decision|logic|significance|authorised_by|safeguards|access|rectification|erasure|restriction|portability|objection|withdraw_consent|human_review|complaint|respond_within|no_consent|no_special_categories|no_criminal_data|no_automated_decisions|no_profiling|no_transfers_outside_eea|no_disclosure)$"))

; (v2) Language tags: the values of `languages`, and the tag between a string and its
; translation (`"Nyhetsbrev" en "Newsletter"`). Tags are never references.
(statement
  name: (identifier) @_languages
  arguments: (arguments
    (group
      (identifier) @label))
  (#eq? @_languages "languages"))

(group
  [(string) (text_block)]
  .
  (identifier) @label
  .
  [(string) (text_block)])

; Vocabulary words: legal bases, Art. 9/10 conditions, transfer safeguards, (v2) derogation
; grounds, (v2) provision words, (v3) the kinds of `cookies` and the channels of
; `direct_marketing`, decision safeguards, the retention words and (v2) the region words of
; `country`.
((identifier) @constant.builtin
  (#match? @constant.builtin "^(consent|contract|legal_obligation|vital_interests|public_task|legitimate_interests|explicit_consent|employment|nonprofit_body|made_public|legal_claims|substantial_public_interest|health_care|public_health|archiving_research|official_authority|authorised_by_law|adequacy|dpf|scc|bcr|code_of_conduct|certification|ad_hoc_clauses|public_instrument|administrative_arrangement|derogation|contract_in_interest|public_interest|public_register|compelling_interests|statutory|contractual|precontractual|voluntary|conditional|strictly_necessary|functional|analytics|marketing|email|sms|phone|post|online|human_review|express_view|contest|until|after|indefinite|eea|outside_eea)$"))

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
