"""mongomock's unique-index check (`Collection._ensure_uniques`), made MongoDB's in two ways.

- A clash names the index and the key, as MongoDB's E11000 does (mongomock 4.1 says neither).
- Within one insert command of several documents (`insertMany`), each document is checked
  against the set of keys already in the collection instead of by a scan of the whole
  collection. The scan made such an insert quadratic (5,000 update-log entries: ~35 s), and
  mockupdb answers one request at a time, so every other client waited as long, the driver's
  heartbeat included: on a loaded machine the driver gave up and dropped the connection in the
  middle of the insert.

Only values whose equality in an index is Python's go into the set (null or missing, booleans,
numbers, strings, ObjectIds, dates). For anything else (arrays, documents, binaries, NaN,
decimals) and for partial indexes the scan decides, as it does for every single write.
"""

import contextlib
import datetime
import math
import threading
from collections import OrderedDict

from bson.objectid import ObjectId
from mongomock import helpers
from mongomock.collection import Collection

from errors import DuplicateKeyDetails

# The insert command under way, if it checks by key set. mockupdb answers requests one at a
# time, but a thread-local keeps that an assumption of mockupdb's, not of this module's.
_active = threading.local()

_KEYED_TYPES = (str, ObjectId, datetime.datetime)


def _unique_indexes(store):
    return [(name, index) for name, index in store.indexes.items() if index.get('unique')]


def _index_values(document, index):
    """The document's entry in the index: each key's value, None where the field is missing."""
    values = OrderedDict()
    for key, _direction in index.get('key'):
        try:
            values[key] = helpers.get_value_by_dot(document, key)
        except KeyError:
            values[key] = None
    return values


def _left_out(values, index):
    """A sparse index has no entry for a document that has none of its fields."""
    return bool(index.get('sparse')) and all(value is None for value in values.values())


def _set_key(values):
    """The entry as a hashable key, or None when Python's equality is not the index's."""
    key = []
    for value in values.values():
        if value is None:
            key.append(('null', None))
        elif isinstance(value, bool):  # before numbers: True == 1 in Python, not in MongoDB
            key.append(('bool', value))
        elif isinstance(value, (int, float)) and not (isinstance(value, float) and math.isnan(value)):
            key.append(('number', value))  # 1 and 1.0 are one key, as in MongoDB
        elif type(value) in _KEYED_TYPES:
            key.append((type(value).__name__, value))
        else:
            return None
    return tuple(key)


class _KeySets:
    """The unique indexes' keys in one collection, kept current through one insert command.
    An index maps to None once only the scan can decide for it."""

    def __init__(self, store):
        self.store = store
        self.by_index = {}
        for name, index in _unique_indexes(store):
            self.by_index[name] = self._keys_of(store, index)

    @staticmethod
    def _keys_of(store, index):
        if index.get('partialFilterExpression') is not None:
            return None
        keys = set()
        for document in store.documents:
            values = _index_values(document, index)
            if _left_out(values, index):
                continue
            key = _set_key(values)
            if key is None:
                return None
            keys.add(key)
        return keys


@contextlib.contextmanager
def keyed_inserts(collection):
    """Checks the documents one insert command writes to `collection` against key sets."""
    _active.key_sets = _KeySets(collection._store)
    try:
        yield
    finally:
        _active.key_sets = None


def _clash(collection, name, index, values):
    pattern = OrderedDict((key, direction) for key, direction in index.get('key'))
    return DuplicateKeyDetails(collection.full_name, name, pattern, values)


def _ensure_uniques(self, new_data):
    """mongomock 4.x's check (the new document is already in the store, so a second match of
    its key is a clash), raising with the index's name and key."""
    key_sets = getattr(_active, 'key_sets', None)
    if key_sets is not None and key_sets.store is not self._store:
        key_sets = None
    passed = []  # added to the key sets only once every index has accepted the document
    for name, index in _unique_indexes(self._store):
        values = _index_values(new_data, index)
        if _left_out(values, index):
            continue
        keys = key_sets.by_index.get(name) if key_sets else None
        key = _set_key(values) if keys is not None else None
        if key is not None:
            if key in keys:
                raise _clash(self, name, index, values)
            passed.append((keys, key))
            continue
        if key_sets:
            key_sets.by_index[name] = None  # this document's key is not in the set
        query = dict(values)
        partial = index.get('partialFilterExpression')
        if partial is not None:
            query = {'$and': [partial, query]}
        if len(list(self._iter_documents(query))) > 1:
            raise _clash(self, name, index, values)
    for keys, key in passed:
        keys.add(key)


def install():
    """Replaces mongomock's unique check (Debian 12 ships mongomock 4.1; see README.md)."""
    if not hasattr(Collection, '_ensure_uniques'):
        raise RuntimeError('this mongomock has no Collection._ensure_uniques to extend')
    Collection._ensure_uniques = _ensure_uniques
