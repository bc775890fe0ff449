import numpy as np

from parley.coding.classifier import load_classifier, train, train_from_stories


def toy_examples():
    rows = [("troops shell village kill civilians", "ASSAULT", "heavy-weapons"),
            ("protesters march rally capital demand", "PROTEST", "demo"),
            ("minister meet counterpart talks visit", "CONSULT", "visit"),
            ("police arrest detain activists", "COERCE", "arrest")] * 5
    return [(text.split(), cat, mode) for text, cat, mode in rows]


def test_training_is_deterministic():
    a, b = train(toy_examples(), epochs=3), train(toy_examples(), epochs=3)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.mode_weights, b.mode_weights)
    assert a.meta == b.meta


def test_committed_model_loads_and_reads_sentences(pipeline):
    clf = load_classifier()
    assert clf is not None and set(clf.labels) >= {"ASSAULT", "PROTEST", "CONSULT"}
    from parley.model import Document

    doc = pipeline.parse(Document("t", "Thousands of students marched through the capital demanding reforms."))
    p = clf.proba(next(doc.sents))
    assert abs(sum(p.values()) - 1) < 1e-5
    assert max(p, key=p.get) == "PROTEST"
    mode, _ = clf.mode(next(doc.sents), "PROTEST")
    assert mode == "demo"


def test_classifier_settles_a_shared_word_when_the_actor_does_not(code_text):
    # "strike" with an unresolvable actor: the words around it decide
    (ev,) = code_text("Dock workers at the port of Mombasa went on strike over unpaid wages, Kenyan unions said.")
    assert ev.event == "PROTEST"
    assert 0 < ev.confidence <= 1


def test_explain_reports_the_classifier(code_text):
    (ev,) = code_text("Egypt accused Ethiopia of violating the Nile agreement.")
    assert "classifier" in dict(ev.explain)["confidence"]


def test_training_from_stories_reads_lemmas_and_records_its_build(pipeline, tmp_path):
    """The featuriser runs the pipes that set lemmas (parley_morph stands for the model's own):
    with the tagger alone every feature was empty and the model had 2 features."""
    stories = tmp_path / "stories.csv"
    stories.write_text("label,mode,title,text\n" + "PROTEST,demo,Protest,Students marched and rallied.\n" * 4
                       + "ASSAULT,,Attack,Troops shelled villages.\n" * 4, encoding="utf-8")
    model = train_from_stories(pipeline.nlp, stories, epochs=1)
    assert {"march", "rally", "shell", "village"} <= set(model.vocab)
    assert model.meta["built_by"] == "parley train --data stories.csv"
