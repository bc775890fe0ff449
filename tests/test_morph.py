"""parley_morph gives exactly what the model's attribute ruler and lemmatizer give."""
import spacy

from parley.pipeline.nlp import MODEL

TEXTS = [
    "South Korean Foreign Minister Cho Hyoung and US Secretary of State Marco Rubio held talks on July 31.",
    "I ain't gonna let 'em go, y'all. Let's go! There is a problem and it's theirs; you gotta see it.",
    "The rebels, who had been fighting since 2019, didn't surrender but kept firing at the  troops.\n\nNew paragraph.",
    "Protesters gathered outside parliament; police fired tear gas. Did they? Yes, they did.",
] * 3


def test_same_annotations_as_the_model(pipeline):
    plain = spacy.load(MODEL, exclude=["ner"])
    ours = pipeline.nlp
    with ours.select_pipes(enable=["tok2vec", "tagger", "parser", "parley_morph"]):
        mine = list(ours.pipe(TEXTS))
    theirs = list(plain.pipe(TEXTS))
    for a, b in zip(mine, theirs):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in a] == \
               [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in b]
