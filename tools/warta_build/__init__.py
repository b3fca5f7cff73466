"""Build and training tools of warta: not part of the installed package.

`warta train ...` loads these modules from a source checkout (`warta.commands.train.build_module`)
and writes what they make into the checkout's `src/warta`; an installed copy refuses to train.
- `entities_id`: the Indonesian CRF entity tagger (IndoNLU NERGrit, nlp-id word classes).
- `entities_en`: the English CRF tagger distilled from en_core_web_sm.
- `kb` (with `phoenix`): the knowledge-base tables of `src/warta/kb` (CLDR, GeoNames, Phoenix).
- `parser_id`: the Indonesian tagger, morphologizer, lemmatizer and parser (UD Indonesian), its
  spaCy configuration in `parser-id.cfg`.
"""
