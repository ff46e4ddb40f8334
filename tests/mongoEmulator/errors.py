"""Server errors as MongoDB reports them (code, codeName, errmsg, and for a duplicate key,
keyPattern and keyValue, which uniques.py raises)."""

from collections import OrderedDict

import mongomock

DUPLICATE_KEY = 11000
# Names MongoDB gives these codes in `codeName`; drivers read `code`, people read the name.
CODE_NAMES = {
    2: 'BadValue',
    9: 'FailedToParse',
    20: 'IllegalOperation',
    26: 'NamespaceNotFound',
    27: 'IndexNotFound',
    40: 'ConflictingUpdateOperators',
    43: 'CursorNotFound',
    59: 'CommandNotFound',
    66: 'ImmutableField',
    DUPLICATE_KEY: 'DuplicateKey',
}


class CommandError(Exception):
    """A command failure to send back as `{ok: 0, code, codeName, errmsg, ...extra}`."""

    def __init__(self, code, errmsg, **extra):
        super().__init__(errmsg)
        self.code = code
        self.errmsg = errmsg
        self.extra = extra

    def as_reply(self):
        """The error fields of a reply (a write error or a whole failed command)."""
        reply = OrderedDict(code=self.code, codeName=CODE_NAMES.get(self.code, 'UnknownError'),
                            errmsg=self.errmsg)
        reply.update(self.extra)
        return reply


class DuplicateKeyDetails(mongomock.DuplicateKeyError):
    """mongomock's DuplicateKeyError carrying the index that refused the write."""

    def __init__(self, namespace, index_name, key_pattern, key_value):
        shown = ', '.join('%s: %r' % item for item in key_value.items())
        message = 'E11000 duplicate key error collection: %s index: %s dup key: { %s }' % (
            namespace, index_name, shown)
        super().__init__(message, DUPLICATE_KEY)
        self.index_name = index_name
        self.key_pattern = key_pattern
        self.key_value = key_value

    def as_command_error(self):
        """The error as MongoDB reports it (the Node driver copies keyPattern/keyValue)."""
        return CommandError(DUPLICATE_KEY, str(self), keyPattern=self.key_pattern,
                            keyValue=self.key_value)


def duplicate_key_error(error, namespace):
    """Any mongomock duplicate-key error as a CommandError (an `_id` clash has no details)."""
    if isinstance(error, DuplicateKeyDetails):
        return error.as_command_error()
    return CommandError(DUPLICATE_KEY, 'E11000 duplicate key error collection: %s index: _id_'
                        % namespace, keyPattern={'_id': 1}, keyValue={})

