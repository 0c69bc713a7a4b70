"""A real SMTP server for Alerta's end-to-end tests (aiosmtpd, from PyPI).

Stores every accepted message as DIR/<n>-<recipient>.eml, its envelope
sender written first as Return-Path, and prints
"PORT <n>" once it listens. Recipients whose local part starts with
"busy" get 450 (try later); with "reject", 550 (never). With
--headers-only it keeps only each message's header block: the tests that
count tens of thousands of recipients need no posters on disk.
"""
import argparse
import itertools
import pathlib
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, directory, headers_only=False):
        self.directory = pathlib.Path(directory)
        self.headers_only = headers_only
        # After a restart, number on from what the last run kept.
        kept = len(list(self.directory.glob("*.eml")))
        self.counter = itertools.count(kept + 1)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@")[0].lower()
        if local.startswith("busy"):
            return "450 4.2.1 Mailbox busy, try again later"
        if local.startswith("reject"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # The envelope sender first, as the delivering server writes it
        # (RFC 5321 4.4): the tests read each message's return address here.
        content = f"Return-Path: <{envelope.mail_from}>\r\n".encode() + envelope.original_content
        if self.headers_only:
            content = content.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
        try:
            for recipient in envelope.rcpt_tos:
                name = f"{next(self.counter):06d}-{recipient}.eml"
                partial = self.directory / f".{name}.partial"
                partial.write_bytes(content)
                partial.rename(self.directory / name)
        except OSError as error:
            # What a real server does when its disk is full: a temporary
            # refusal, so the sender keeps the message and tries again.
            print(f"cannot store a message: {error}", file=sys.stderr, flush=True)
            return "452 4.3.1 Insufficient system storage"
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, help="listen here (a restart); default: a free port")
    parser.add_argument("--headers-only", action="store_true", help="keep only each message's headers")
    args = parser.parse_args()
    port = args.port or free_port()
    store = Store(args.dir, headers_only=args.headers_only)
    controller = Controller(store, hostname="127.0.0.1", port=port)
    controller.start()
    print(f"PORT {port}", flush=True)
    try:
        while sys.stdin.read(1):
            pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
