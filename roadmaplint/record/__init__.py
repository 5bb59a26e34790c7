"""Records: typed data classes, frozen by default, built without the dataclasses module.

A commit hook starts roadmaplint for every commit, and ``@dataclass`` cost more CPU at
import than reading and checking a roadmap: importing dataclasses (with inspect), then
compiling six to eight methods from source text for each of the 69 classes the check
path defines. ``@record`` builds a class from shared functions instead, and compiles
only on first use, so a class the run never instantiates, compares or hashes costs no
compiling at all:

- ``__init__`` (the one method whose signature names the fields) is made when the class
  makes its first instance, from a code object shared by every record of the same
  shape (how many fields, which have a default factory, slots or not), renamed to the
  class's fields with ``CodeType.replace``;
- ``__eq__``, ``__hash__`` and ``__lt__`` compile themselves for the class on their first
  call, into the code a dataclass has (a tuple of fields against a tuple of fields);
  ``__repr__`` and the other orderings read the fields through ``operator.attrgetter``.

What the code uses of dataclasses is here: ``frozen`` (assigning raises
:class:`FrozenRecordError`, an ``AttributeError``), ``slots``, ``order``, ``field`` with
``default``, ``default_factory``, ``repr`` and ``compare``, :func:`replace` and
:func:`field_names`. ``typing.dataclass_transform`` tells mypy the fields, so
constructors and assignments are type-checked as for a dataclass. Not supported:
inheriting fields from another record, ``__post_init__``, ``InitVar``, ``KW_ONLY``.
"""

from __future__ import annotations

from operator import attrgetter
from types import CellType, CodeType, FunctionType

# typing.TYPE_CHECKING without importing typing: a run never needs it (PERF-12)
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any, TypeVar, dataclass_transform, overload

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


_SPECIALISED = {
    "__eq__": "def __eq__(self, other):\n"
    " if other.__class__ is self.__class__:\n"
    "  return ({mine}) == ({theirs})\n"
    " return NotImplemented\n",
    "__hash__": "def __hash__(self):\n return hash(({mine}))\n",
    "__lt__": "def __lt__(self, other):\n"
    " if other.__class__ is self.__class__:\n"
    "  return ({mine}) < ({theirs})\n"
    " return NotImplemented\n",
}


def _specialise(cls: type, name: str) -> Callable[..., Any]:
    """``__eq__``, ``__hash__`` or ``__lt__`` compiled for the class's compared fields and
    put on the class in place of the shared one, which calls this on its first use."""
    compared: tuple[str, ...] = cls.__record_compared__  # type: ignore[attr-defined]
    mine = "".join(f"self.{field}, " for field in compared)
    source = _SPECIALISED[name].format(mine=mine, theirs=mine.replace("self.", "other."))
    namespace: dict[str, Any] = {}
    exec(source, {}, namespace)  # source built from the class's field names
    method: Callable[..., Any] = namespace[name]
    method.__qualname__ = f"{cls.__qualname__}.{name}"
    type.__setattr__(cls, name, method)
    return method


def _eq(self: Any, other: Any) -> Any:
    return _specialise(self.__class__, "__eq__")(self, other)


def _hash(self: Any) -> Any:
    return _specialise(self.__class__, "__hash__")(self)


def _repr(self: Any) -> str:
    shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__record_repr__)
    return f"{self.__class__.__qualname__}({shown})"


def _lt(self: Any, other: Any) -> Any:
    return _specialise(self.__class__, "__lt__")(self, other)


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


# The code of __init__ for a shape of record: how many fields, which have a default
# factory, how a field is set. Written once per shape with the parameters a0, a1, ...;
# each class gets a copy with its own names (``CodeType.replace``) without compiling:
# the 41 classes a seed check instantiates share 24 shapes. The shapes of the package's
# own records come compiled in record/inits.py's bytecode (compiling the seed's 24 cost
# 3 ms, a third of ``python -c pass``); any other shape is compiled on first use.
Shape = tuple[int, tuple[int, ...], str]
_TEMPLATES: dict[Shape, CodeType] = {}
_SETTERS = {
    "slot": "_s{i}(self, a{i})",  # the slot's own setter: no lookup through the class
    "frozen": "_oset(self, _n{i}, a{i})",
    "mutable": "self.a{i} = a{i}",
}


def template_source(shape: Shape, name: str = "__create__") -> str:
    """The source of a function ``name`` that takes the free values of a shape's
    ``__init__`` (its setters, default factories) and returns that ``__init__``."""
    count, factories, setter = shape
    body = [f"if a{i} is _MISSING:\n            a{i} = _f{i}()" for i in factories]
    body += [_SETTERS[setter].format(i=i) for i in range(count)]
    free = [f"_f{i}" for i in factories] + (["_MISSING"] if factories else [])
    if setter != "mutable":
        kind = "_s" if setter == "slot" else "_n"
        free += [f"{kind}{i}" for i in range(count)] + (["_oset"] if kind == "_n" else [])
    return (
        f"def {name}({', '.join(free)}):\n"
        f"    def __init__(self, {', '.join(f'a{i}' for i in range(count))}):\n"
        + "".join(f"        {line}\n" for line in body or ["pass"])
        + "    return __init__\n"
    )


def _template(shape: Shape) -> CodeType:
    code = _TEMPLATES.get(shape)
    if code is None:
        from roadmaplint.record.inits import CREATORS

        create: Any = CREATORS.get(shape)
        if create is None:
            namespace: dict[str, Any] = {}
            exec(template_source(shape), {}, namespace)  # source built from counts only
            create = namespace["__create__"]
        code = next(c for c in create.__code__.co_consts if type(c) is CodeType)
        _TEMPLATES[shape] = code
    return code


def init_shape(cls: type) -> Shape:
    """The shape of a record class's ``__init__``: its count of fields, the indexes of
    those with a default factory, and how it sets a field."""
    names: tuple[str, ...] = cls.__record_fields__  # type: ignore[attr-defined]
    declared: dict[str, _Field] = cls.__record_declared__  # type: ignore[attr-defined]
    frozen: bool = cls.__record_frozen__  # type: ignore[attr-defined]
    setter = "slot" if "__slots__" in cls.__dict__ else "frozen" if frozen else "mutable"
    factories = tuple(
        index
        for index, name in enumerate(names)
        if name in declared and declared[name].factory is not _MISSING
    )
    return len(names), factories, setter


def _compile_init(cls: type) -> Callable[..., None]:
    """``__init__(self, <fields>)`` for a record class: its shape's code, renamed."""
    names: tuple[str, ...] = cls.__record_fields__  # type: ignore[attr-defined]
    declared: dict[str, _Field] = cls.__record_declared__  # type: ignore[attr-defined]
    shape = init_shape(cls)
    slotted = shape[2] == "slot"
    values: dict[str, Any] = {"_MISSING": _MISSING, "_oset": object.__setattr__}
    defaults = []
    for index, name in enumerate(names):
        values[f"_n{index}"] = name
        if slotted:
            values[f"_s{index}"] = cls.__dict__[name].__set__
        spec = declared.get(name)
        if spec is not None and spec.factory is not _MISSING:
            values[f"_f{index}"] = spec.factory
        if spec is not None:
            defaults.append(_MISSING if spec.factory is not _MISSING else spec.default)
    template = _template(shape)
    code = template.replace(
        co_varnames=("self", *names, *template.co_varnames[len(names) + 1 :]),
        co_name="__init__",
        co_qualname=f"{cls.__qualname__}.__init__",
    )
    if shape[2] == "mutable":  # self.a0 = ... stores to the attribute names a0, a1, ...
        # (by name: a tool that instruments the code, a fuzzer's, adds names of its own)
        attributes = {f"a{index}": name for index, name in enumerate(names)}
        code = code.replace(co_names=tuple(attributes.get(n, n) for n in code.co_names))
    closure = tuple(CellType(values[name]) for name in code.co_freevars)
    init = FunctionType(code, {}, "__init__", tuple(defaults) or None, closure)
    init.__module__ = cls.__module__
    return init


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
    defaulted = [name in declared for name in names]
    if defaulted != sorted(defaulted):
        first = names[defaulted.index(True)]
        raise TypeError(
            f"{cls.__name__}: a field without a default follows {first!r}, which has one"
        )
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


def _record(
    cls: _C | None = None, /, *, frozen: bool = True, order: bool = False, slots: bool = True
) -> _C | Callable[[_C], _C]:
    """Make ``cls`` a record: ``__init__`` from its annotated fields, == and hash by value.

    ``frozen`` (the default): assigning a field raises. ``order``: records of one class
    compare as the tuples of their fields. ``slots`` (the default): no ``__dict__``.
    """

    def wrap(target: _C) -> _C:
        return _build(target, frozen, order, slots)  # type: ignore[return-value]

    return wrap if cls is None else wrap(cls)


if TYPE_CHECKING:
    # What mypy reads: the two ways to call it, and that it makes dataclass-like classes.
    # A run takes _record itself and never imports typing for its decorators.
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
        return _record(cls, frozen=frozen, order=order, slots=slots)

else:
    record = _record


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
