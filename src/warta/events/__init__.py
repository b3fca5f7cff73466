"""Events: who did what to whom, coded in PLOVER and CAMEO with evidence, and the tone of articles.

`coder` finds triggers (`lexicon`) in each sentence, picks the actors from the linked entities
(`actors`), reads negation and modality around the trigger, and codes the event with the
published tables (`tables`). `tone` scores articles and sentences. `stage` registers the
"events" and "tone" stages.
"""
