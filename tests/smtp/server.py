"""A real SMTP server for Alerta's end-to-end tests (aiosmtpd, from PyPI).

Stores every accepted message as DIR/<n>-<recipient>.eml and prints
"PORT <n>" once it listens. Recipients whose local part starts with
"busy" get 450 (try later); with "reject", 550 (never).
"""
import argparse
import itertools
import pathlib
import socket
import sys
import time

from aiosmtpd.controller import Controller


class Store:
    def __init__(self, directory):
        self.directory = pathlib.Path(directory)
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
        for recipient in envelope.rcpt_tos:
            name = f"{next(self.counter):06d}-{recipient}.eml"
            partial = self.directory / f".{name}.partial"
            partial.write_bytes(envelope.original_content)
            partial.rename(self.directory / name)
        return "250 Message accepted"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, help="listen here (a restart); default: a free port")
    args = parser.parse_args()
    port = args.port or free_port()
    controller = Controller(Store(args.dir), hostname="127.0.0.1", port=port)
    controller.start()
    print(f"PORT {port}", flush=True)
    try:
        while sys.stdin.read(1):
            pass
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
