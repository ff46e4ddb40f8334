"""A MongoDB wire-protocol server for tests: mockupdb speaks the protocol (OP_MSG, and the
legacy OP_QUERY handshake), and every command is answered by handshake.py, catalog.py or
commands.py over one in-memory mongomock client. It is a standalone server: no replica set,
so no transactions (it refuses them with code 20, as a standalone mongod does).

    /usr/bin/python3 tests/mongoEmulator/server.py --port 0 [--exit-with-parent]

prints the port it listens on (127.0.0.1) on one line when ready. It runs until SIGTERM or
SIGINT, or with --exit-with-parent until its stdin closes (its parent process ended)."""

import argparse
import os
import signal
import sys
import threading
import traceback
from collections import OrderedDict

# Run as a script: the sibling modules are imported by their plain names.
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import mockupdb  # noqa: E402
from bson.binary import UuidRepresentation  # noqa: E402
from bson.codec_options import CodecOptions  # noqa: E402

import errors  # noqa: E402
import uniques  # noqa: E402
from catalog import CATALOG_COMMANDS  # noqa: E402
from commands import DATA_COMMANDS, to_command_error  # noqa: E402
from handshake import HANDSHAKE_COMMANDS, is_transaction_command, refuse_transaction  # noqa: E402

COMMANDS = {**HANDSHAKE_COMMANDS, **CATALOG_COMMANDS, **DATA_COMMANDS}

# Requests are decoded keeping every Binary as it came (UUID subtypes 3 and 4 included, which
# pymongo would otherwise turn into uuid.UUID and write back as subtype 3); subtype 0 becomes
# `bytes`, which is written back as subtype 0.
mockupdb.CODEC_OPTIONS = CodecOptions(document_class=OrderedDict,
                                      uuid_representation=UuidRepresentation.UNSPECIFIED)


def skip_message_reprs():
    """mockupdb formats every request and reply with repr() for its log, verbose or not: a
    JSON dump of the whole message (Binary as base64), which cost more than answering it."""
    def short_repr(message):
        return type(message).__name__

    for value in vars(mockupdb).values():
        if isinstance(value, type) and issubclass(value, (mockupdb.Request, mockupdb.Reply)):
            value.__repr__ = short_repr


def answer(command):
    """The reply document for one command, or the error MongoDB would give."""
    name = next(iter(command), '')
    handler = COMMANDS.get(name.lower())
    if is_transaction_command(command):
        handler = refuse_transaction
    if handler is None:
        return error_reply(errors.CommandError(59, "no such command: '%s'" % name))
    try:
        reply = handler(command)
    except Exception as error:  # noqa: BLE001 - any failure is the client's error reply
        namespace = '%s.%s' % (command.get('$db'), command.get(name))
        mapped = to_command_error(error, namespace)
        if not isinstance(error, errors.CommandError) and mapped.code == 2:
            traceback.print_exc(file=sys.stderr)
        return error_reply(mapped)
    reply['ok'] = 1
    return reply


def error_reply(error):
    reply = OrderedDict(ok=0)
    reply.update(error.as_reply())
    return reply


def handle(request):
    """mockupdb's handler: every request is a command (OP_MSG, or OP_QUERY on `$cmd`)."""
    command = OrderedDict(request.doc)
    command.setdefault('$db', request.namespace.split('.', 1)[0] if request.namespace else 'admin')
    reply = answer(command)
    if getattr(request, 'flags', 0) & mockupdb.OP_MSG_FLAGS['moreToCome']:
        return True  # An unacknowledged write (w: 0, as endSessions is sent): no reply.
    return request.reply(reply)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    parser.add_argument('--port', type=int, default=0, help='TCP port; 0 picks a free one')
    parser.add_argument('--exit-with-parent', action='store_true',
                        help='exit when stdin closes (the parent process ended)')
    options = parser.parse_args()

    uniques.install()
    skip_message_reprs()
    server = mockupdb.MockupDB(port=options.port, request_timeout=int(1e6))
    server.autoresponds(handle)
    port = server.run()
    print(port, flush=True)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    if options.exit_with_parent:
        threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    while not stop.wait(0.1):  # A short wait, so a signal is handled at once.
        pass
    # The data lives only in this process, so there is nothing to flush; mockupdb's stop()
    # would wait for every connection's thread in turn (seconds with a driver's pool open).
    os._exit(0)


if __name__ == '__main__':
    main()
