"""Alert fan-out benchmark, driven from outside as an operator would run it.

For one database (sqlite or postgres): N confirmed volunteers imported with
`alerta volunteers import --confirmed`, one `alerta serve` sending to
Postfix's smtp-sink on loopback, one case with a real phone photo published
through the API; the dispatch figures give the time from publish to the
first and last accepted message. Then Postfix's smtp-source sends N messages
of the same size over the same number of connections to the same sink: the
ceiling. Peak server memory is the serve process's VmHWM.

    python3 benches/dispatch.py BINARY DATABASE_URL RECIPIENTS OUT.json

Run through scripts/bench-dispatch, which installs Postfix and PostgreSQL.
"""

import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_common import api, free_port, publish, start_sink, wait_for_port  # noqa: E402

binary, database_url, recipients, out_path = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
concurrency = 8
root = Path(__file__).resolve().parent.parent
phone_jpeg = root / "target/bench-poster/phone.jpg"
case = json.loads((root / "docs/examples/poster.json").read_text())["case"]
work = Path(tempfile.mkdtemp(prefix="alerta-bench-dispatch-"))


def alerta(*args, env=None, **kwargs):
    return subprocess.run([binary, *args], env=env, cwd=work, check=True, **kwargs)


def base_env(extra):
    env = dict(os.environ)
    env.update({"ALERTA_DATABASE_URL": database_url, "ALERTA_LOG": "warn",
                "ALERTA_DATA_DIR": str(work / "data")})
    env.update(extra)
    return env


def message_size():
    """One alert written to a file, to learn the size smtp-source must send."""
    env = base_env({"ALERTA_DATABASE_URL": f"sqlite://{work}/size.db",
                    "ALERTA_DATA_DIR": str(work / "size"), "ALERTA_PASSWORD": "bench-password-1"})
    env.pop("ALERTA_SMTP_URL", None)
    size_csv = work / "one.csv"
    size_csv.write_text("email,language,lat,lng,radius_km\none@example.org,es,"
                        f"{case['last_seen']['lat']},{case['last_seen']['lng']},10\n")
    alerta("volunteers", "import", str(size_csv), "--confirmed", env=env, stdout=subprocess.DEVNULL)
    port = free_port()
    env["ALERTA_BIND"] = f"127.0.0.1:{port}"
    server, token, case_id = serve_with_case(env, port)
    base = f"http://127.0.0.1:{port}"
    publish(base, case_id, token)
    outbox = work / "size/outbox"
    for _ in range(600):
        files = list(outbox.glob("*.eml")) if outbox.exists() else []
        if files:
            time.sleep(0.5)
            size = files[0].stat().st_size
            server.terminate()
            server.wait()
            return size
        time.sleep(0.1)
    sys.exit("the alert was never written")


def serve_with_case(env, port):
    alerta("users", "add", "--email", "bench-police@example.org", "--role", "police", "--org", "Benchmark",
           env=env, stdout=subprocess.DEVNULL)
    server = subprocess.Popen([binary, "serve"], env=env, cwd=work, stdout=subprocess.DEVNULL)
    wait_for_port(port, server, "alerta serve")
    base = f"http://127.0.0.1:{port}"
    token = api(base, "POST", "/api/v1/sessions",
                body={"email": "bench-police@example.org", "password": env["ALERTA_PASSWORD"]})["token"]
    case_id = api(base, "POST", "/api/v1/cases", token, case)["id"]
    api(base, "PUT", f"/api/v1/cases/{case_id}/photo", token, phone_jpeg.read_bytes(), "image/jpeg")
    return server, token, case_id


def peak_memory_kib(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def alerta_run(sink_port):
    rng = random.Random(42)
    volunteers = work / "volunteers.csv"
    lat, lng = case["last_seen"]["lat"], case["last_seen"]["lng"]
    with volunteers.open("w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["email", "language", "lat", "lng", "radius_km"])
        for i in range(recipients):
            w.writerow([f"v{i}@example.org", rng.choice(["es", "es", "pt", "fr", "en"]),
                        f"{lat + rng.uniform(-0.05, 0.05):.5f}", f"{lng + rng.uniform(-0.05, 0.05):.5f}", 10])
    port = free_port()
    env = base_env({"ALERTA_SMTP_URL": f"smtp://127.0.0.1:{sink_port}?tls=none",
                    "ALERTA_SEND_CONCURRENCY": str(concurrency), "ALERTA_BIND": f"127.0.0.1:{port}",
                    "ALERTA_PASSWORD": "bench-password-1"})
    started = time.monotonic()
    alerta("volunteers", "import", str(volunteers), "--confirmed", env=env, stdout=subprocess.DEVNULL)
    import_s = time.monotonic() - started
    server, token, case_id = serve_with_case(env, port)
    base = f"http://127.0.0.1:{port}"
    publish(base, case_id, token)
    published = api(base, "GET", f"/api/v1/cases/{case_id}", token)
    # Polled once a second, as a few police pages following the case would
    # (each refreshes every 3 s); the times come from the outbox rows, not
    # from this loop. Polling 5 times a second took a tenth of the server.
    while True:
        d = api(base, "GET", f"/api/v1/cases/{case_id}/dispatch", token)
        if d["recipients"] and d["queued"] == 0:
            break
        time.sleep(1)
    memory = peak_memory_kib(server.pid)
    server.terminate()
    server.wait()

    def ms(stamp):
        from datetime import datetime
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp() * 1000

    published_ms = ms(published["published_at"])
    first, last = ms(d["first_sent_at"]), ms(d["last_sent_at"])
    return {"recipients": d["recipients"], "sent": d["sent"], "failed": d["failed"],
            "import_s": import_s, "first_ms": first - published_ms, "last_ms": last - published_ms,
            "rate": d["sent"] / ((last - published_ms) / 1000), "peak_mib": memory / 1024}


def smtp_source_run(sink_port, size):
    started = time.monotonic()
    subprocess.run(["smtp-source", "-s", str(concurrency), "-m", str(recipients), "-l", str(size), "-d",
                    "-f", "bench@localhost", "-t", "sink@localhost", f"127.0.0.1:{sink_port}"],
                   check=True, stdout=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    return {"messages": recipients, "seconds": elapsed, "rate": recipients / elapsed}


try:
    size = message_size()
    sink_port = free_port()
    sink = start_sink(sink_port)
    try:
        result = {"database": database_url.split(":")[0], "message_bytes": size,
                  "concurrency": concurrency, "alerta": alerta_run(sink_port),
                  "smtp_source": smtp_source_run(sink_port, size)}
    finally:
        sink.terminate()
    result["ratio"] = result["alerta"]["rate"] / result["smtp_source"]["rate"]
    Path(out_path).write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
finally:
    shutil.rmtree(work, ignore_errors=True)
