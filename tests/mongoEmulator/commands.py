"""The data commands, forwarded to one in-memory mongomock client and answered in MongoDB's
reply shapes: insert, update, delete, find, findAndModify, count, distinct, aggregate, and the
collection and index commands. Cursors come back whole in the first batch (cursor id 0), so a
driver never needs getMore."""

import contextlib
from collections import OrderedDict

import mongomock
from bson.int64 import Int64

from errors import CommandError, duplicate_key_error
from uniques import keyed_inserts
from updates import check_update_paths

CLIENT = mongomock.MongoClient()


class Target:
    """The database and collection a command names (`{find: 'users', $db: 'clip'}`)."""

    def __init__(self, command, name_field):
        self.db_name = command['$db']
        self.collection_name = command[name_field]
        self.namespace = '%s.%s' % (self.db_name, self.collection_name)

    @property
    def database(self):
        return CLIENT[self.db_name]

    @property
    def collection(self):
        return CLIENT[self.db_name][self.collection_name]

    def exists(self):
        return self.collection_name in self.database.list_collection_names()


def to_command_error(error, namespace):
    """A mongomock exception as the server error MongoDB would send."""
    if isinstance(error, CommandError):
        return error
    if isinstance(error, mongomock.DuplicateKeyError):
        return duplicate_key_error(error, namespace)
    if isinstance(error, NotImplementedError):
        return CommandError(115, 'not supported by the mongomock emulator: %s' % error)
    if isinstance(error, mongomock.OperationFailure):
        return CommandError(error.code or 2, str(error))
    return CommandError(2, '%s: %s' % (type(error).__name__, error))


def cursor_reply(namespace, documents):
    """A finished cursor (drivers read its id as a 64-bit integer)."""
    return OrderedDict(cursor=OrderedDict(firstBatch=list(documents), id=Int64(0), ns=namespace))


def sort_spec(sort):
    return list(sort.items()) if sort else None


def find(command):
    target = Target(command, 'find')
    projection = command.get('projection') or None
    cursor = target.collection.find(command.get('filter') or {}, projection=projection)
    if command.get('sort'):
        cursor = cursor.sort(sort_spec(command['sort']))
    if command.get('skip'):
        cursor = cursor.skip(command['skip'])
    if command.get('limit'):
        # A negative limit means "one batch of at most that many", the same set of documents.
        cursor = cursor.limit(abs(command['limit']))
    return cursor_reply(target.namespace, cursor)


def insert(command):
    target = Target(command, 'insert')
    collection = target.collection
    documents = command.get('documents', [])
    inserted, write_errors = 0, []
    # Several documents are checked against key sets, one scan of the collection in all.
    with keyed_inserts(collection) if len(documents) > 1 else contextlib.nullcontext():
        for index, document in enumerate(documents):
            try:
                collection.insert_one(document)
                inserted += 1
            except Exception as error:  # noqa: BLE001 - each failure becomes a write error
                write_errors.append(write_error(index, error, target.namespace))
                if command.get('ordered', True):
                    break
    return write_reply(inserted, write_errors)


def write_error(index, error, namespace):
    reply = OrderedDict(index=index)
    reply.update(to_command_error(error, namespace).as_reply())
    return reply


def write_reply(count, write_errors, **extra):
    reply = OrderedDict(n=count)
    reply.update(extra)
    if write_errors:
        reply['writeErrors'] = write_errors
    return reply


def update_one_statement(collection, statement):
    """Applies one `{q, u, upsert, multi}` statement; returns mongomock's UpdateResult."""
    query, update = statement.get('q') or {}, statement['u']
    if statement.get('arrayFilters'):
        raise CommandError(115, 'arrayFilters are not supported by the mongomock emulator')
    if isinstance(update, list):
        raise CommandError(115, 'pipeline updates are not supported by the mongomock emulator')
    check_update_paths(update)
    upsert = bool(statement.get('upsert'))
    if not any(key.startswith('$') for key in update):
        return collection.replace_one(query, update, upsert=upsert)
    if statement.get('multi'):
        return collection.update_many(query, update, upsert=upsert)
    return collection.update_one(query, update, upsert=upsert)


def update(command):
    target = Target(command, 'update')
    matched, modified, upserted, write_errors = 0, 0, [], []
    for index, statement in enumerate(command.get('updates', [])):
        try:
            result = update_one_statement(target.collection, statement)
        except Exception as error:  # noqa: BLE001
            write_errors.append(write_error(index, error, target.namespace))
            if command.get('ordered', True):
                break
            continue
        matched += result.matched_count
        modified += result.modified_count
        if result.upserted_id is not None:
            upserted.append(OrderedDict(index=index, _id=result.upserted_id))
    extra = OrderedDict(nModified=modified)
    if upserted:
        extra['upserted'] = upserted
    return write_reply(matched + len(upserted), write_errors, **extra)


def delete(command):
    target = Target(command, 'delete')
    deleted = 0
    for statement in command.get('deletes', []):
        query = statement.get('q') or {}
        if statement.get('limit') == 1:
            deleted += target.collection.delete_one(query).deleted_count
        else:
            deleted += target.collection.delete_many(query).deleted_count
    return write_reply(deleted, [])


def find_and_modify(command):
    """`findAndModify`: the document before or after (`new`), with `lastErrorObject`."""
    target = Target(command, 'findAndModify' if 'findAndModify' in command else 'findandmodify')
    collection = target.collection
    query, sort = command.get('query') or {}, sort_spec(command.get('sort'))
    fields = command.get('fields') or None
    try:
        before = collection.find_one(query, sort=sort)
        if command.get('remove'):
            if before is not None:
                collection.delete_one({'_id': before['_id']})
            return modify_reply(collection, before, fields, n=int(before is not None))
        change = command.get('update')
        statement = {'q': query if before is None else {'_id': before['_id']}, 'u': change,
                     'upsert': bool(command.get('upsert'))}
        result = update_one_statement(collection, statement)
    except Exception as error:  # noqa: BLE001
        raise to_command_error(error, target.namespace) from error
    if before is None and result.upserted_id is None:
        return modify_reply(collection, None, fields, n=0, updatedExisting=False)
    after_id = before['_id'] if before is not None else result.upserted_id
    chosen = collection.find_one({'_id': after_id}) if command.get('new') else before
    extra = OrderedDict(n=1, updatedExisting=before is not None)
    if before is None:
        extra['upserted'] = result.upserted_id
    return modify_reply(collection, chosen, fields, **extra)


def modify_reply(collection, document, fields, **last_error):
    if document is not None and fields:
        document = collection._copy_only_fields(document, fields, OrderedDict)
    return OrderedDict(lastErrorObject=OrderedDict(last_error), value=document)


def count(command):
    target = Target(command, 'count')
    options = {key: command[key] for key in ('skip', 'limit') if command.get(key)}
    return OrderedDict(n=target.collection.count_documents(command.get('query') or {}, **options))


def distinct(command):
    target = Target(command, 'distinct')
    values = target.collection.distinct(command['key'], filter=command.get('query') or None)
    return OrderedDict(values=values)


def aggregate(command):
    target = Target(command, 'aggregate')
    return cursor_reply(target.namespace, target.collection.aggregate(command.get('pipeline', [])))


def get_more(command):
    raise CommandError(43, 'cursor id %s not found' % command.get('getMore'))


def kill_cursors(command):
    return OrderedDict(cursorsKilled=[], cursorsNotFound=command.get('cursors', []),
                       cursorsAlive=[], cursorsUnknown=[])


# Commands answered here, by lower-cased name; each takes the command document.
DATA_COMMANDS = {
    'find': find,
    'insert': insert,
    'update': update,
    'delete': delete,
    'findandmodify': find_and_modify,
    'count': count,
    'distinct': distinct,
    'aggregate': aggregate,
    'getmore': get_more,
    'killcursors': kill_cursors,
}
