"""Verifies a message's DKIM signature with dkimpy (PyPI), an implementation
no one here wrote. The DNS is a file of "name TXT-value" lines, one per key,
as the operator would publish them.

    python tests/dkim/verify.py MESSAGE.eml RECORDS.txt

Exits 0 when the signature verifies; prints why not and exits 1 otherwise.
"""

import sys

import dkim

message = open(sys.argv[1], "rb").read()
records = {}
for line in open(sys.argv[2], encoding="ascii"):
    name, value = line.rstrip("\n").split(" ", 1)
    records[name.rstrip(".").lower()] = value.encode("ascii")


def dns(name, timeout=5):
    return records.get(name.decode("ascii").rstrip(".").lower())


verifier = dkim.DKIM(message)
if verifier.verify(dnsfunc=dns):
    sys.exit(0)
print(f"the signature does not verify: {verifier.signature_fields!r}", file=sys.stderr)
sys.exit(1)
