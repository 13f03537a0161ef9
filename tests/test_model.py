"""The model (plain classes the writers read) and the outline's shape (pydantic classes
the reader validates against) describe the same outline."""

from __future__ import annotations

import pickle

import pytest

from debatekit import model, shape
from debatekit.shape import dump, validate


def test_every_class_of_the_shape_has_its_namesake_in_the_model_with_the_same_fields():
    assert set(shape.SHAPES) == {cls.__name__ for cls in model.Node.__subclasses__()}
    for name, validated in shape.SHAPES.items():
        assert getattr(model, name).FIELDS == tuple(validated.model_fields), name


def test_a_validated_outline_is_made_of_model_objects_only(sample):
    def walk(node):
        assert not isinstance(node, shape.Node), type(node)
        if isinstance(node, model.Node):
            for name in node.FIELDS:
                walk(getattr(node, name))
        elif isinstance(node, tuple):
            for item in node:
                walk(item)

    walk(sample.outline)
    assert isinstance(sample.outline.strands[0].claims[0], model.Claim)


def test_model_objects_are_immutable_compared_by_value_and_pickled_by_their_fields(sample):
    outline = sample.outline
    claim = outline.claims[0]
    with pytest.raises(AttributeError):
        claim.text = "changed"
    again = validate(model.Outline, dump(outline))
    assert again == outline and again is not outline
    assert hash(again.claims[0]) == hash(claim) and {again.claims[0], claim} == {claim}
    edited = claim.model_copy(update={"kind": "opinion"})
    assert edited != claim and edited.id == claim.id and claim.kind != "opinion"
    assert outline.claim_number(claim.id) == 1          # fills the cached lookups
    restored = pickle.loads(pickle.dumps(outline))
    assert restored == outline and "_numbers" not in restored.__dict__
    assert restored.claim(claim.id) == claim
