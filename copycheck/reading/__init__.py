"""Reading a page: the one-pass scan of the rulebook's words, sentences, the claim reader
(claims.py over claim_parts.py), the judgement cues, what a page is about (domain), the page as
page-level kinds read it (document, prose) and the advice a finding gives."""
