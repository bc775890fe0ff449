"""The quad model (coding/quad.py): deterministic training, and the coder's veto of statements."""
import numpy as np
import pytest

from parley.coding.classifier import train_labels
from parley.coding.quad import QUADS, VETO, load_quad, no_event
from parley.model import Document


def toy_examples():
    rows = [("decline comment report", "0"), ("troops shell village kill", "4"),
            ("minister meet counterpart talks", "1"), ("deliver aid food refugees", "2")] * 5
    return [(text.split(), label) for text, label in rows]


def test_training_on_labelled_sentences_is_deterministic():
    a, b = train_labels(toy_examples(), QUADS, epochs=5), train_labels(toy_examples(), QUADS, epochs=5)
    assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias) and a.vocab == b.vocab
    assert a.meta == b.meta
    # what it learnt: "meet" weighs most for verbal cooperation, "shell" for material conflict
    assert a.labels[int(np.argmax(a.weights[a.vocab["meet"]]))] == "1"
    assert a.labels[int(np.argmax(a.weights[a.vocab["shell"]]))] == "4"


@pytest.fixture()
def coder(pipeline):
    """The session pipeline's coder with the shipped quad model (off by default), put back after."""
    coder = pipeline.nlp.get_pipe("parley_coder")
    saved, coder.quad = coder.quad, load_quad()
    yield coder
    coder.quad = saved


def test_the_veto_is_off_by_default(pipeline):
    assert pipeline.nlp.get_pipe("parley_coder").quad is None


def test_the_shipped_model_names_its_build():
    model = load_quad()
    assert model is not None and model.labels == QUADS
    assert model.meta["built_by"] == "scripts/train_quad.py"


def test_a_statement_is_vetoed_and_an_event_is_not(pipeline, code_text, coder):
    statement = "The Foreign Ministry declined to comment on the report."
    sent = next(pipeline.parse(Document("t", statement)).sents)
    assert no_event(coder.quad, sent) >= VETO
    assert code_text(statement) == []
    coder.quad = None  # without the model the trigger codes it
    assert [ev.event for ev in code_text(statement)] == ["REJECT"]


def test_an_attack_is_not_vetoed(code_text, coder):
    (ev,) = code_text("Rebels attacked an army base near the border, killing five soldiers.")
    assert ev.event == "ASSAULT"


def test_appeals_are_spared(pipeline, code_text, coder):
    """ConfliBERT counts an appeal with statements (class 0); PLOVER codes it (REQUEST)."""
    text = "The minister urged Ethiopia to exercise restraint."
    assert no_event(coder.quad, next(pipeline.parse(Document("t", text)).sents)) >= VETO
    assert [ev.event for ev in code_text(text)] == ["REQUEST"]
