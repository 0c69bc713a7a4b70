"""Public pages under a crowd: what a case that goes viral asks of a node.

For one database: 20 000 confirmed volunteers, one `alerta serve` sending to
Postfix's smtp-sink, a case with a real phone photo. Then wrk, 64
connections for DURATION seconds, on the case page, the poster PNG (the
card a shared link shows) and the home page: each once quiet and once while
a fresh case's 20 000-recipient fan-out runs (the fan-out's rate is read
from its dispatch figures). Beside it, in the same run, nginx serving the
very same bytes as static files: the ceiling on this machine.

    python3 benches/pages.py BINARY DATABASE_URL OUT.json [DURATION]

Run through scripts/bench-pages, which installs wrk, nginx, Postfix and
PostgreSQL.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_common as common  # noqa: E402

binary, database_url, out_path = sys.argv[1], sys.argv[2], sys.argv[3]
duration = int(sys.argv[4]) if len(sys.argv) > 4 else 10
recipients = 20_000
connections = 64
root = Path(__file__).resolve().parent.parent
# The poster benchmark's phone photo when it was made, else a demo portrait:
# the node renders each card once and serves it from memory after.
phone_jpeg = root / "target/bench-poster/phone.jpg"
if not phone_jpeg.exists():
    phone_jpeg = root / "assets/demo/anais.jpg"
case = json.loads((root / "docs/examples/poster.json").read_text())["case"]
work = Path(tempfile.mkdtemp(prefix="alerta-bench-pages-"))


def alerta(*args, env):
    subprocess.run([binary, *args], env=env, cwd=work, check=True, stdout=subprocess.DEVNULL)


def import_volunteers(env):
    """Confirmed volunteers within the case's alert area."""
    lat, lng = case["last_seen"]["lat"], case["last_seen"]["lng"]
    rows = ["email,language,lat,lng,radius_km"]
    rows += [f"v{i}@example.org,{['es', 'pt', 'fr', 'en'][i % 4]},"
             f"{lat + (i % 100) * 0.0004:.5f},{lng - (i // 100) * 0.0004:.5f},10"
             for i in range(recipients)]
    path = work / "volunteers.csv"
    path.write_text("\n".join(rows) + "\n")
    alerta("volunteers", "import", str(path), "--confirmed", env=env)


def serve(env, port):
    alerta("users", "add", "--email", "bench-police@example.org", "--role", "police",
           "--org", "Benchmark", env=env)
    server = subprocess.Popen([binary, "serve"], env=env, cwd=work, stdout=subprocess.DEVNULL)
    common.wait_for_port(port, server, "alerta serve")
    token = common.api(f"http://127.0.0.1:{port}", "POST", "/api/v1/sessions",
                       body={"email": "bench-police@example.org",
                             "password": env["ALERTA_PASSWORD"]})["token"]
    return server, token


def case_with_photo(base, token, given_name):
    details = dict(case, given_name=given_name)
    case_id = common.api(base, "POST", "/api/v1/cases?confirm_duplicate=true", token, details)["id"]
    common.api(base, "PUT", f"/api/v1/cases/{case_id}/photo", token, phone_jpeg.read_bytes(),
               "image/jpeg")
    return case_id


def wrk(url):
    """Requests per second, p50 and p99 (ms) and non-2xx count of one wrk run."""
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
                         check=True, capture_output=True, text=True).stdout

    def ms(label):
        m = re.search(rf"^\s*{label}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value, unit = float(m.group(1)), m.group(2)
        return value * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    return {"rps": rate, "p50_ms": ms("50"), "p99_ms": ms("99"),
            "non_2xx": int(errors.group(1)) if errors else 0}


def start_nginx(root, port):
    conf = work / "nginx.conf"
    user = "user root;" if os.geteuid() == 0 else ""
    conf.write_text(f"""{user}
worker_processes auto;
daemon off;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  client_body_temp_path {work}/nginx-body;
  proxy_temp_path {work}/nginx-proxy;
  fastcgi_temp_path {work}/nginx-fastcgi;
  uwsgi_temp_path {work}/nginx-uwsgi;
  scgi_temp_path {work}/nginx-scgi;
  types {{ text/html html; image/png png; }}
  server {{
    listen 127.0.0.1:{port};
    root {root};
  }}
}}
""")
    nginx = subprocess.Popen(["nginx", "-c", str(conf)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    common.wait_for_port(port, nginx, "nginx")
    return nginx


def fan_out_rate(base, token, case_id):
    """Messages per second of a finished fan-out, from its dispatch figures."""
    while True:
        d = common.api(base, "GET", f"/api/v1/cases/{case_id}/dispatch", token)
        if d["recipients"] and d["queued"] == 0:
            break
        time.sleep(1)
    published = common.api(base, "GET", f"/api/v1/cases/{case_id}", token)["published_at"]

    def seconds(stamp):
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()

    elapsed = seconds(d["last_sent_at"]) - seconds(published)
    return {"sent": d["sent"], "rate": d["sent"] / elapsed, "seconds": elapsed}


try:
    sink_port = common.free_port()
    sink = common.start_sink(sink_port)
    port = common.free_port()
    env = dict(os.environ)
    env.update({"ALERTA_DATABASE_URL": database_url, "ALERTA_LOG": "warn",
                "ALERTA_DATA_DIR": str(work / "data"),
                "ALERTA_SMTP_URL": f"smtp://127.0.0.1:{sink_port}?tls=none",
                "ALERTA_BIND": f"127.0.0.1:{port}", "ALERTA_PASSWORD": "bench-password-1",
                "ALERTA_PUBLIC_URL": f"http://127.0.0.1:{port}"})
    import_volunteers(env)
    server, token = serve(env, port)
    base = f"http://127.0.0.1:{port}"
    try:
        case_id = case_with_photo(base, token, "María José")
        common.publish(base, case_id, token)
        fan_out_rate(base, token, case_id)
        paths = {"case page": f"/cases/{case_id}", "poster PNG": f"/cases/{case_id}/poster.png",
                 "home page": "/"}
        static = work / "static"
        static.mkdir()
        names = {"case page": "case.html", "poster PNG": "poster.png", "home page": "home.html"}
        for what, path in paths.items():
            (static / names[what]).write_bytes(common.get(base + path))
        nginx_port = common.free_port()
        nginx = start_nginx(static, nginx_port)
        rows = []
        try:
            def while_fanning_out(url, given_name):
                """wrk on `url` while a fresh case's alert goes to everyone
                (it starts at once on publishing); and the fan-out's rate."""
                busy_case = case_with_photo(base, token, given_name)
                common.publish(base, busy_case, token)
                result = wrk(url)
                return result, fan_out_rate(base, token, busy_case)

            names_left = iter(["Rosa", "Ana", "Julia", "Lucía", "Carmen", "Sofía"])
            for what, path in paths.items():
                static_url = f"http://127.0.0.1:{nginx_port}/{names[what]}"
                quiet = wrk(base + path)
                busy, fan_out = while_fanning_out(base + path, next(names_left))
                ceiling = wrk(static_url)
                # The same machine's ceiling under the same load: nginx
                # while Alerta sends another fan-out beside it.
                busy_ceiling, _ = while_fanning_out(static_url, next(names_left))
                rows.append({"what": what, "bytes": (static / names[what]).stat().st_size,
                             "quiet": quiet, "with_fan_out": busy, "fan_out": fan_out,
                             "nginx": ceiling, "nginx_with_fan_out": busy_ceiling,
                             "quiet_ratio": quiet["rps"] / ceiling["rps"],
                             "ratio": busy["rps"] / busy_ceiling["rps"],
                             "ratio_to_quiet_nginx": busy["rps"] / ceiling["rps"]})
        finally:
            nginx.terminate()
            nginx.wait()
    finally:
        server.terminate()
        server.wait()
        sink.terminate()
    result = {"database": database_url.split(":")[0], "connections": connections,
              "duration_s": duration, "recipients": recipients, "rows": rows}
    Path(out_path).write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))
finally:
    shutil.rmtree(work, ignore_errors=True)
