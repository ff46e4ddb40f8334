"""Checks an update document the way MongoDB does before mongomock applies it: two operators
that touch the same path, or a path and one inside it (`a` and `a.b`), are refused with code
40 (ConflictingUpdateOperators). mongomock would apply both, one after the other."""

from errors import CommandError

CONFLICTING_UPDATE_OPERATORS = 40


def _paths(update):
    """Every (path, operator) an operator-style update writes; `$rename` writes two."""
    for operator, fields in update.items():
        if not operator.startswith('$') or not isinstance(fields, dict):
            continue
        for path, value in fields.items():
            yield path, operator
            if operator == '$rename' and isinstance(value, str):
                yield value, operator


def _overlap(first, second):
    """The shorter path when one is the other or lies inside it, else None."""
    first_parts, second_parts = first.split('.'), second.split('.')
    shorter = min(len(first_parts), len(second_parts))
    if first_parts[:shorter] == second_parts[:shorter]:
        return '.'.join(first_parts[:shorter])
    return None


def check_update_paths(update):
    """Raises CommandError(40) when two parts of `update` write overlapping paths."""
    if not isinstance(update, dict) or not any(key.startswith('$') for key in update):
        return  # A replacement document (or a pipeline, which mongomock refuses itself).
    seen = []
    for path, _operator in _paths(update):
        for earlier in seen:
            conflict = _overlap(earlier, path)
            if conflict is not None:
                raise CommandError(
                    CONFLICTING_UPDATE_OPERATORS,
                    "Updating the path '%s' would create a conflict at '%s'" % (path, conflict))
        seen.append(path)
