"""Collections, indexes and databases: create, list and drop them in mongomock, answering as
MongoDB does. Unique and TTL options are kept (mongomock enforces unique indexes; it never
expires documents, so a TTL index is listed but does nothing here)."""

from collections import OrderedDict

from mongomock.filtering import filter_applies

from commands import CLIENT, Target, cursor_reply, to_command_error
from errors import CommandError

# Index options passed on to mongomock's create_index; the rest (v, background) are ignored.
INDEX_OPTIONS = ('name', 'unique', 'sparse', 'expireAfterSeconds', 'partialFilterExpression')


def create(command):
    target = Target(command, 'create')
    if not target.exists():
        target.database.create_collection(target.collection_name)
    return OrderedDict()


def list_collections(command):
    database = CLIENT[command['$db']]
    entries = [OrderedDict(name=name, type='collection', options={},
                           info=OrderedDict(readOnly=False))
               for name in sorted(database.list_collection_names())]
    wanted = command.get('filter') or {}
    chosen = [entry for entry in entries if filter_applies(wanted, entry)]
    return cursor_reply('%s.$cmd.listCollections' % command['$db'], chosen)


def describe_index(name, info):
    entry = OrderedDict(v=2, key=OrderedDict(info['key']), name=name)
    for option in INDEX_OPTIONS[1:]:
        if option in info:
            entry[option] = info[option]
    return entry


def list_indexes(command):
    target = Target(command, 'listIndexes')
    if not target.exists():
        raise CommandError(26, 'ns does not exist: %s' % target.namespace)
    indexes = target.collection.index_information()
    return cursor_reply(target.namespace,
                        [describe_index(name, info) for name, info in indexes.items()])


def create_indexes(command):
    target = Target(command, 'createIndexes')
    existed = target.exists()
    before = len(target.collection.index_information()) if existed else 1
    for spec in command.get('indexes', []):
        options = {key: spec[key] for key in INDEX_OPTIONS if key in spec}
        try:
            target.collection.create_index(list(spec['key'].items()), **options)
        except Exception as error:  # noqa: BLE001 - e.g. duplicates under a new unique index
            raise to_command_error(error, target.namespace) from error
    return OrderedDict(createdCollectionAutomatically=not existed, numIndexesBefore=before,
                       numIndexesAfter=len(target.collection.index_information()))


def drop_indexes(command):
    target = Target(command, 'dropIndexes')
    if not target.exists():
        raise CommandError(26, 'ns not found %s' % target.namespace)
    count_before = len(target.collection.index_information())
    names = command.get('index')
    if names == '*':
        target.collection.drop_indexes()
    else:
        for name in names if isinstance(names, list) else [names]:
            if name not in target.collection.index_information():
                raise CommandError(27, 'index not found with name [%s]' % name)
            target.collection.drop_index(name)
    return OrderedDict(nIndexesWas=count_before)


def drop(command):
    target = Target(command, 'drop')
    count_before = len(target.collection.index_information()) if target.exists() else 0
    target.database.drop_collection(target.collection_name)
    return OrderedDict(ns=target.namespace, nIndexesWas=count_before)


def drop_database(command):
    CLIENT.drop_database(command['$db'])
    return OrderedDict(dropped=command['$db'])


def list_databases(_command):
    names = CLIENT.list_database_names()
    return OrderedDict(databases=[OrderedDict(name=name, sizeOnDisk=0, empty=False)
                                  for name in names], totalSize=0)


# Commands answered here, by lower-cased name; each takes the command document.
CATALOG_COMMANDS = {
    'create': create,
    'listcollections': list_collections,
    'listindexes': list_indexes,
    'createindexes': create_indexes,
    'dropindexes': drop_indexes,
    'deleteindexes': drop_indexes,
    'drop': drop,
    'dropdatabase': drop_database,
    'listdatabases': list_databases,
}
