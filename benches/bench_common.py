"""What the benchmarks driven from outside share: ports, the API, smtp-sink."""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(base, method, path, token=None, body=None, content_type="application/json"):
    data = None
    if body is not None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request) as response:
        text = response.read()
        return json.loads(text) if text else None


def publish(base, case_id, token):
    """Publishes the case at the version the officer read, as the API asks."""
    version = api(base, "GET", f"/api/v1/cases/{case_id}", token)["version"]
    api(base, "POST", f"/api/v1/cases/{case_id}/publish", token, {"version": version})


def get(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


def wait_for_port(port, process, what):
    for _ in range(600):
        if process.poll() is not None:
            sys.exit(f"{what} exited: {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit(f"{what} never listened on {port}")


def start_sink(port):
    # -u: smtp-sink refuses to run as root without a user to become.
    user = ["-u", "nobody"] if os.geteuid() == 0 else []
    sink = subprocess.Popen(["smtp-sink", *user, f"127.0.0.1:{port}", "1024"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_for_port(port, sink, "smtp-sink")
    return sink
