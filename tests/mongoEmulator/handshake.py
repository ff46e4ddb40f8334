"""What the emulator answers about itself: the handshake (hello / isMaster) as a standalone
server, and the small admin commands drivers send around it. None of these touch data."""

import datetime
import itertools
from collections import OrderedDict

import mockupdb
import mongomock

from errors import CommandError

# MongoDB 7.0's wire version: recent enough for every driver the project uses (the Node
# driver 7 needs 4.2+, wire version 8).
MAX_WIRE_VERSION = 21
SERVER_VERSION = '7.0.0'
# Named in `buildInfo` (as `clipEmulator`), so a test suite can say what it ran against.
EMULATOR_NAME = 'mongomock %s behind mockupdb %s' % (mongomock.__version__, mockupdb.__version__)

_connection_ids = itertools.count(1)


def hello(command):
    """A writable standalone server: no `setName` (so no transactions) and no
    `topologyVersion` (so drivers poll instead of streaming, which mockupdb cannot do)."""
    reply = OrderedDict()
    if 'hello' in command:
        reply['isWritablePrimary'] = True
    else:
        reply['ismaster'] = True
    reply.update(
        helloOk=True,
        maxBsonObjectSize=16 * 1024 * 1024,
        maxMessageSizeBytes=48000000,
        maxWriteBatchSize=100000,
        localTime=datetime.datetime.now(datetime.timezone.utc),
        # Sessions exist on a standalone server (transactions do not).
        logicalSessionTimeoutMinutes=30,
        connectionId=next(_connection_ids),
        minWireVersion=0,
        maxWireVersion=MAX_WIRE_VERSION,
        readOnly=False,
    )
    return reply


def build_info(_command):
    return OrderedDict(version=SERVER_VERSION, versionArray=[7, 0, 0, 0],
                       gitVersion='emulator', bits=64, maxBsonObjectSize=16 * 1024 * 1024,
                       storageEngines=[], clipEmulator=EMULATOR_NAME)


def get_parameter(command):
    reply = OrderedDict()
    if 'featureCompatibilityVersion' in command or command.get('getParameter') == '*':
        reply['featureCompatibilityVersion'] = {'version': '7.0'}
    return reply


def refuse_transaction(_command):
    """What a standalone mongod says to any transaction command (code 20)."""
    raise CommandError(20, 'Transaction numbers are only allowed on a replica set member or mongos')


# Commands answered here, by lower-cased name; each takes the command document.
HANDSHAKE_COMMANDS = {
    'hello': hello,
    'ismaster': hello,
    'buildinfo': build_info,
    'getparameter': get_parameter,
    'ping': lambda _command: OrderedDict(),
    'endsessions': lambda _command: OrderedDict(),
    'whatsmyuri': lambda _command: OrderedDict(you='127.0.0.1:0'),
    'getlog': lambda _command: OrderedDict(totalLinesWritten=0, log=[]),
    'committransaction': refuse_transaction,
    'aborttransaction': refuse_transaction,
}


def is_transaction_command(command):
    """True for a command that is part of a transaction (it carries a transaction number)."""
    return 'txnNumber' in command or 'startTransaction' in command
