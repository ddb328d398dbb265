"""extractor/frozen.py: quick_init gives a frozen dataclass a faster __init__ and changes nothing else."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

import pytest

from extractor.backends.rules.labels import FigureContext
from extractor.backends.rules.subjects import Entity
from extractor.domain.mentions import ParkMention
from extractor.frozen import quick_init


def _direct(cls: type) -> bool:
    """Whether the class's __init__ is quick_init's (it stores into the instance's __dict__)."""
    return "_stored" in cls.__init__.__code__.co_varnames


@dataclass(frozen=True)
class _Plain:
    x: int
    y: str = "d"
    z: tuple = ()
    doubled: int = field(default=0, init=False)
    k: int = field(default=9, kw_only=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.x * 2)


@quick_init
@dataclass(frozen=True)
class _Quick:
    x: int
    y: str = "d"
    z: tuple = ()
    doubled: int = field(default=0, init=False)
    k: int = field(default=9, kw_only=True)

    def __post_init__(self) -> None:
        object.__setattr__(self, "doubled", self.x * 2)


@pytest.mark.parametrize(("args", "kwargs"), [((1,), {}), ((1, "a"), {}), ((1,), {"z": (1,), "k": 4}), ((), {"x": 5, "y": "q"})])
def test_the_quick_init_builds_what_the_dataclass_builds(args, kwargs):
    quick, plain = _Quick(*args, **kwargs), _Plain(*args, **kwargs)
    assert _direct(_Quick) and not _direct(_Plain)
    assert dataclasses.astuple(quick) == dataclasses.astuple(plain)
    assert repr(quick).replace("_Quick(", "_Plain(") == repr(plain)
    assert quick == _Quick(*args, **kwargs) and hash(quick) == hash(_Quick(*args, **kwargs))
    with pytest.raises(dataclasses.FrozenInstanceError):
        quick.x = 3  # type: ignore[misc]


def test_the_quick_init_refuses_what_the_dataclass_refuses():
    with pytest.raises(TypeError):
        _Quick()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        _Quick(1, "a", (), 4)  # type: ignore[call-arg]


def test_a_class_with_a_default_factory_keeps_its_own_init():
    @quick_init
    @dataclass(frozen=True)
    class Listed:
        items: list = field(default_factory=list)

    assert not _direct(Listed) and Listed().items == []


def test_the_classes_made_by_the_thousand_per_page_use_it():
    assert all(_direct(cls) for cls in (Entity, ParkMention, FigureContext))
