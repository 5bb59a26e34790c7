"""Records: typed data classes, frozen by default, built without the dataclasses module.

A commit hook starts roadmaplint for every commit, and ``@dataclass`` cost more CPU at
import than reading and checking a roadmap: importing dataclasses (with inspect), then
compiling six to eight methods from source text for each of the 69 classes the check
path defines. ``@record`` gives a class the same behaviour from shared functions:
``__eq__``, ``__hash__``, ``__repr__`` and the ordering read the fields through one
``operator.attrgetter`` kept on the class, and ``__init__`` (the one method whose
signature names the fields) is compiled when the class makes its first instance, so a
class the run never instantiates costs no compile.

What the code uses of dataclasses is here: ``frozen`` (assigning raises
:class:`FrozenRecordError`, an ``AttributeError``), ``slots``, ``order``, ``field`` with
``default``, ``default_factory``, ``repr`` and ``compare``, :func:`replace` and
:func:`field_names`. ``typing.dataclass_transform`` tells mypy the fields, so
constructors and assignments are type-checked as for a dataclass. Not supported:
inheriting fields from another record, ``__post_init__``, ``InitVar``, ``KW_ONLY``.
"""

from __future__ import annotations

from operator import attrgetter
from typing import TYPE_CHECKING, Any, TypeVar, dataclass_transform, overload

if TYPE_CHECKING:
    from collections.abc import Callable

_C = TypeVar("_C", bound=type)
_R = TypeVar("_R")


class FrozenRecordError(AttributeError):
    """An assignment to a field of a frozen record."""


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


_MISSING: Any = _Missing()


class _Field:
    """What ``field()`` declared for one field; replaced on the class by the record."""

    __slots__ = ("compare", "default", "factory", "repr")

    def __init__(
        self,
        default: Any,
        factory: Any,
        repr: bool = True,  # the name dataclasses uses
        compare: bool = True,
    ) -> None:
        self.default = default
        self.factory = factory
        self.repr = repr
        self.compare = compare


def field(
    *,
    default: Any = _MISSING,
    default_factory: Callable[[], Any] | None = None,
    repr: bool = True,  # the name dataclasses uses
    compare: bool = True,
) -> Any:
    """A field's default, or the function that makes one, and whether repr and == see it."""
    if default is not _MISSING and default_factory is not None:
        raise ValueError("a field takes a default or a default_factory, not both")
    return _Field(default, default_factory or _MISSING, repr, compare)


def _annotated(cls: type) -> tuple[str, ...]:
    annotations = vars(cls).get("__annotations__", {})  # its own: no inspect at import
    return tuple(
        name
        for name, hint in annotations.items()
        if not (isinstance(hint, str) and hint.startswith(("ClassVar", "typing.ClassVar")))
    )


def _key(names: tuple[str, ...]) -> Callable[[Any], Any]:
    """A function from a record to the tuple of these fields' values."""
    if not names:
        return lambda _: ()
    if len(names) == 1:
        name = names[0]
        return lambda self: (getattr(self, name),)
    return attrgetter(*names)


def _eq(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = self.__record_key__
    return key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(self.__record_key__(self))


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_repr__)
    return f"{self.__class__.__qualname__}({shown})"


def _lt(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_key__(self) < other.__record_key__(other)


def _le(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_key__(self) <= other.__record_key__(other)


def _gt(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_key__(self) > other.__record_key__(other)


def _ge(self: Any, other: Any) -> Any:
    if other.__class__ is not self.__class__:
        return NotImplemented
    return self.__record_key__(self) >= other.__record_key__(other)


def _frozen_setattr(self: Any, name: str, _value: Any) -> None:
    raise FrozenRecordError(f"cannot assign to field {name!r} of a frozen record")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenRecordError(f"cannot delete field {name!r} of a frozen record")


def _setstate(self: Any, state: Any) -> None:
    """Copying and unpickling a frozen record: its fields set past ``__setattr__``."""
    parts = state if isinstance(state, tuple) else (state,)
    for part in parts:
        for name, value in (part or {}).items():
            object.__setattr__(self, name, value)


def _compile_init(cls: type) -> Callable[..., None]:
    """``__init__(self, <fields>)`` for a record class, compiled from its fields."""
    names: tuple[str, ...] = cls.__record_fields__  # type: ignore[attr-defined]
    declared: dict[str, _Field] = cls.__record_declared__  # type: ignore[attr-defined]
    frozen: bool = cls.__record_frozen__  # type: ignore[attr-defined]
    slotted = "__slots__" in cls.__dict__
    values: dict[str, Any] = {"_MISSING": _MISSING, "_oset": object.__setattr__}
    params, body = [], []
    for index, name in enumerate(names):
        spec = declared.get(name)
        value = name
        if spec is None:
            params.append(name)
        elif spec.factory is not _MISSING:
            values[f"_f{index}"] = spec.factory
            params.append(f"{name}=_MISSING")
            body.append(f"  if {name} is _MISSING: {name} = _f{index}()")
        else:
            values[f"_d{index}"] = spec.default
            params.append(f"{name}=_d{index}")
        if not frozen:
            body.append(f"  self.{name} = {value}")
        elif slotted:  # the slot's own setter: no lookup through the class
            values[f"_s{index}"] = cls.__dict__[name].__set__
            body.append(f"  _s{index}(self, {value})")
        else:
            body.append(f"  _oset(self, {name!r}, {value})")
    compared = "".join(f"self.{name}, " for name in cls.__record_compared__)  # type: ignore[attr-defined]
    other = compared.replace("self.", "other.")
    methods = {  # the shared ones, specialised to the fields now that an instance exists
        "__eq__": (
            _eq,
            " def __eq__(self, other):\n"
            "  if other.__class__ is self.__class__:\n"
            f"   return ({compared}) == ({other})\n"
            "  return NotImplemented\n",
        ),
        "__hash__": (_hash, f" def __hash__(self):\n  return hash(({compared}))\n"),
        "__lt__": (
            _lt,
            " def __lt__(self, other):\n"
            "  if other.__class__ is self.__class__:\n"
            f"   return ({compared}) < ({other})\n"
            "  return NotImplemented\n",
        ),
    }
    wanted = [name for name, (shared, _) in methods.items() if cls.__dict__.get(name) is shared]
    source = (
        f"def __create__({', '.join(values)}):\n"
        f" def __init__(self, {', '.join(params)}):\n"
        + "\n".join(body or ["  pass"])
        + "\n"
        + "".join(methods[name][1] for name in wanted)
        + f" return __init__, {', '.join(wanted)}\n"
    )
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # source built above from the field names
    init, *made = namespace["__create__"](**values)
    for name, method in zip(wanted, made, strict=True):
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        type.__setattr__(cls, name, method)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    return init  # type: ignore[no-any-return]


def _first_init(cls: type) -> Callable[..., None]:
    """An ``__init__`` that compiles the real one, puts it on the class and calls it."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        init = _compile_init(cls)
        type.__setattr__(cls, "__init__", init)
        init(self, *args, **kwargs)

    return __init__


def _build(cls: type, frozen: bool, order: bool, slots: bool) -> type:
    own = dict(cls.__dict__)
    names = _annotated(cls)
    declared = {
        name: own[name] if isinstance(own[name], _Field) else _Field(own[name], _MISSING)
        for name in names
        if name in own
    }
    compared = tuple(name for name in names if name not in declared or declared[name].compare)
    added: dict[str, Any] = {
        "__record_fields__": names,
        "__record_declared__": declared,
        "__record_frozen__": frozen,
        "__record_compared__": compared,
        "__record_key__": staticmethod(_key(compared)),
        "__record_repr__": tuple(n for n in names if n not in declared or declared[n].repr),
        "__match_args__": names,
        "__eq__": _eq,
        "__repr__": _repr,
    }
    if frozen:
        added |= {"__hash__": _hash, "__setattr__": _frozen_setattr, "__delattr__": _frozen_delattr}
        added["__setstate__"] = _setstate
    else:
        added["__hash__"] = None  # mutable and compared by value, as with dataclasses
    if order:
        added |= {"__lt__": _lt, "__le__": _le, "__gt__": _gt, "__ge__": _ge}
    added = {name: value for name, value in added.items() if name not in own}
    if slots:
        namespace = {k: v for k, v in own.items() if k not in names}
        namespace.pop("__dict__", None)
        namespace.pop("__weakref__", None)
        qualname = cls.__qualname__
        cls = type(cls)(cls.__name__, cls.__bases__, {**namespace, **added, "__slots__": names})
        cls.__qualname__ = qualname
    else:
        for name in declared:
            type.__delattr__(cls, name)
        for name, value in added.items():
            type.__setattr__(cls, name, value)
    if "__init__" not in own:
        type.__setattr__(cls, "__init__", _first_init(cls))
    return cls


@overload
def record(cls: _C, /) -> _C: ...


@overload
def record(
    *, frozen: bool = True, order: bool = False, slots: bool = True
) -> Callable[[_C], _C]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(
    cls: _C | None = None, /, *, frozen: bool = True, order: bool = False, slots: bool = True
) -> _C | Callable[[_C], _C]:
    """Make ``cls`` a record: ``__init__`` from its annotated fields, == and hash by value.

    ``frozen`` (the default): assigning a field raises. ``order``: records of one class
    compare as the tuples of their fields. ``slots`` (the default): no ``__dict__``.
    """

    def wrap(target: _C) -> _C:
        return _build(target, frozen, order, slots)  # type: ignore[return-value]

    return wrap if cls is None else wrap(cls)


def replace(obj: _R, /, **changes: Any) -> _R:
    """A copy of the record ``obj`` with ``changes`` to some of its fields."""
    cls = obj.__class__
    for name in cls.__record_fields__:  # type: ignore[attr-defined]
        if name not in changes:
            changes[name] = getattr(obj, name)
    return cls(**changes)


def field_names(cls: type) -> tuple[str, ...]:
    """The fields of a record class, in declared order."""
    names: tuple[str, ...] = cls.__record_fields__  # type: ignore[attr-defined]
    return names
