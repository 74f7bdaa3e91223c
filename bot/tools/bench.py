"""`make bench`: this bot against a reference bot, side by side, in one run.

The reference is Rasa 3.6's default pipeline and policies (what Rasa fills in when
config.yml has no pipeline/policies: rasa/engine/recipes/config_files/default_config.yml)
trained on the same data and domain, served by `rasa run`. Like with like: both run with the
same number of Sanic workers (BENCH_WORKERS, default 1), the same kind of tracker store
(PostgreSQL, each bot in its own database; SQLite files if PostgreSQL is unreachable) and
the same Redis lock store (in-memory for both if Redis is unreachable). The figure to
quote is server CPU per reply: ours must stay at or below 40 % of the reference's.

For each: training time (a fresh `rasa train` with a cold cache, cached under var/bench/
with what it measured, and redone when config, domain, data or our components change),
start-up time (process start -> first REST reply), resident memory of the process tree,
and REST throughput and p50/p95/p99 latency at concurrency 1 and 16 with the FAQ
questions of tests/data/heldout_nlu.yml. Writes var/bench/report.md, results.json and
chart.png, and prints the table.

`--layout instances` runs ours instead as BENCH_WORKERS single-worker instances behind
nginx (docs/deploy/nginx.conf) and writes report-instances.md etc.

Environment: BENCH_TRACKER_STORE_URL [postgresql://postgres@127.0.0.1:5432/dry_needling_bench],
BENCH_LOCK_STORE_URL [redis://127.0.0.1:6379/0], BENCH_WORKERS [1], BENCH_KEEP_REFERENCE [unset:
retrain the reference when data changes], BENCH_REFERENCE_EPOCHS [unset: Rasa's 100; fewer
trains the same networks faster: CPU per reply, latency, start-up and memory stay comparable,
training time does not].
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import itertools
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Union

import yaml

from bot import settings
from bot.tools.bench_load import (LoadResult, cpu_count, cpu_seconds, heldout_questions, rss_mb, run_load,
                            store_cpu_seconds, wait_for_first_reply)

ROOT = settings.PROJECT_ROOT
BENCH_DIR = settings.VAR_DIR / "bench"
HELDOUT = ROOT / "tests" / "data" / "heldout_nlu.yml"
# What decides a model besides its config: a change here means a new training time.
# Our custom components count only for our model.
SHARED_INPUTS = ["domain.yml", "data"]
OUR_INPUTS = SHARED_INPUTS + ["bot/nlu", "bot/safety", "bot/serving/intent_rule_policy.py", "var/spacy/en_dry_needling/meta.json"]
TARGETS = {"cpu_per_reply_ratio": 0.4, "throughput_c16_ratio": 3.0, "p95_c1_ms": 40.0, "p95_c16_ms": 250.0,
           "ready_s": 20.0}


# --- training -----------------------------------------------------------------------
def _fingerprint(config_text: str, inputs: List[str]) -> str:
    import rasa

    digest = hashlib.sha256(config_text.encode())
    digest.update(rasa.__version__.encode())
    for entry in inputs:
        path = ROOT / entry
        files = sorted(p for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts) if path.is_dir() else [path]
        for f in files:
            if f.exists():
                digest.update(str(f.relative_to(ROOT)).encode())
                digest.update(f.read_bytes())
    return digest.hexdigest()


def reference_config(epochs: Optional[int] = None) -> str:
    """config.yml without pipeline and policies: Rasa fills in its defaults. With `epochs`,
    Rasa's own default config written out with that many epochs for each trained model
    (DIET, ResponseSelector, TED, UnexpecTED): the same networks, features and inference
    work per message, fewer passes over the data. On our data one DIET epoch takes about two
    minutes on two cores, so the 100-epoch reference trains for hours."""
    config = yaml.safe_load((ROOT / "config.yml").read_text())
    kept = {k: v for k, v in config.items() if k not in ("pipeline", "policies")}
    if epochs is None:
        return "# Reference: Rasa 3.6 default pipeline and policies (filled in by Rasa).\n" + yaml.safe_dump(kept, sort_keys=False)
    from rasa.engine.recipes import default_recipe

    defaults = yaml.safe_load((Path(default_recipe.__file__).parent / "config_files" / "default_config.yml").read_text())
    for component in defaults["pipeline"] + defaults["policies"]:
        if "epochs" in component:
            component["epochs"] = epochs
    config = {**kept, "pipeline": defaults["pipeline"], "policies": defaults["policies"]}
    return (f"# Reference: Rasa 3.6 default pipeline and policies, written out, {epochs} epochs per trained model.\n"
            + yaml.safe_dump(config, sort_keys=False))


@dataclass
class Training:
    model: Path
    seconds: float
    measured_at: str
    reused: bool


def train(name: str, config_text: str, inputs: List[str], log=print, keep_stale: bool = False) -> Training:
    """A model for `config_text` under var/bench/<name>/, trained with a cold cache so the
    time is that of a first `rasa train`; reused while its inputs are unchanged, or always
    when `keep_stale` (the report then says the model predates the current data)."""
    out = BENCH_DIR / name
    model = out / f"{name}.tar.gz"
    timing_file = out / "training.json"
    fingerprint = _fingerprint(config_text, inputs)
    if model.exists() and timing_file.exists():
        timing = json.loads(timing_file.read_text())
        if timing.get("fingerprint") == fingerprint:
            log(f"[{name}] model up to date (trained in {timing['seconds']:.0f}s on {timing['measured_at']})")
            return Training(model, timing["seconds"], timing["measured_at"], True)
        if keep_stale:
            log(f"[{name}] BENCH_KEEP_REFERENCE: reusing the model trained on {timing['measured_at']} (older data)")
            return Training(model, timing["seconds"], f"{timing['measured_at']}; older data, kept by BENCH_KEEP_REFERENCE", True)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.yml").write_text(config_text)  # Rasa may append the defaults it used
    cache = out / "cold-cache"
    shutil.rmtree(cache, ignore_errors=True)
    log(f"[{name}] training (cold cache; this takes minutes)...")
    env = {**os.environ, "RASA_CACHE_DIRECTORY": str(cache), "RASA_TELEMETRY_ENABLED": "false"}
    started = time.time()
    with open(out / "train.log", "wb") as train_log:
        subprocess.run(
            [sys.executable, "-m", "rasa", "train", "--config", str(out / "config.yml"), "--domain", "domain.yml",
             "--data", "data", "--out", str(out), "--fixed-model-name", name],
            cwd=ROOT, env=env, stdout=train_log, stderr=subprocess.STDOUT, check=True)
    seconds = time.time() - started
    shutil.rmtree(cache, ignore_errors=True)
    # Training time is only comparable on an otherwise idle machine: keep the evidence.
    measured_at = f"{dt.datetime.now():%Y-%m-%d %H:%M}, load average {os.getloadavg()[1]:.1f}"
    timing_file.write_text(json.dumps({"fingerprint": fingerprint, "seconds": seconds, "measured_at": measured_at}))
    log(f"[{name}] trained in {seconds:.0f}s")
    return Training(model, seconds, measured_at, False)


# --- the stores our bot runs with ---------------------------------------------------
def prepare_tracker_store(bot: str = "ours", log=print) -> str:
    """PostgreSQL as production would, each bot in its own database (created if missing);
    SQLite under var/bench/<bot>/ if PostgreSQL is unreachable. Old bench conversations are
    removed."""
    import sqlalchemy as sa

    url = os.environ.get("BENCH_TRACKER_STORE_URL", "postgresql://postgres@127.0.0.1:5432/dry_needling_bench")
    parsed = sa.engine.make_url(url)
    if bot != "ours":
        parsed = parsed.set(database=f"{parsed.database}_{bot}") if parsed.database else parsed
        url = parsed.render_as_string(hide_password=False)
    try:
        if parsed.get_backend_name() == "postgresql":
            server = sa.create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT", future=True)
            with server.connect() as conn:
                exists = conn.execute(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": parsed.database}).first()
                if not exists:
                    conn.exec_driver_sql(f'CREATE DATABASE "{parsed.database}"')
            server.dispose()
        engine = sa.create_engine(url, future=True)
        with engine.begin() as conn:
            has_events = sa.inspect(conn).has_table("events")
            if has_events:
                conn.execute(sa.text("DELETE FROM events WHERE sender_id LIKE 'bench-%'"))
        if has_events and parsed.get_backend_name() == "postgresql":
            # Each run deletes ~20,000 rows: without this the next run's queries walk them.
            with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
                conn.exec_driver_sql("VACUUM ANALYZE events")
        engine.dispose()
        return url
    except sa.exc.OperationalError as error:
        (BENCH_DIR / bot).mkdir(parents=True, exist_ok=True)
        fallback = f"sqlite:///{BENCH_DIR / bot / 'conversations.db'}"
        log(f"PostgreSQL unreachable ({error.orig}); our bot uses {fallback}")
        return fallback


def prepare_lock_store(log=print) -> Optional[str]:
    import redis

    url = os.environ.get("BENCH_LOCK_STORE_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
        return url
    except redis.RedisError as error:
        log(f"Redis unreachable ({error}): one worker, in-memory lock store")
        return None


# --- servers ------------------------------------------------------------------------
def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _clean_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in {"RASA_AUTH_TOKEN", "SANIC_WORKERS", "LOCK_STORE_URL", "TRACKER_STORE_URL", "PORT"}}
    return {**env, "RASA_TELEMETRY_ENABLED": "false", "TF_CPP_MIN_LOG_LEVEL": "2", **extra}


class Server:
    def __init__(self, name: str, args: List[str], env: Dict[str, str], workers: int = 1,
                 log_name: str = "server.log") -> None:
        self.name, self.workers, self.port = name, workers, int(env["PORT"])
        self.log_path = BENCH_DIR / name / log_name
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.started_at = time.time()
        self.process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=open(self.log_path, "wb"),
                                        stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids(self) -> List[int]:
        return [self.process.pid]

    def wait_all_workers(self, timeout: float = 300) -> float:
        """Seconds from start until every worker has its model (first reply can come
        from the first worker while the second is still loading)."""
        deadline = time.time() + timeout
        while self.log_path.read_text(errors="replace").count("Rasa server is up and running") < self.workers:
            if time.time() > deadline or self.process.poll() is not None:
                raise RuntimeError(f"{self.name}: workers not ready, see {self.log_path}")
            time.sleep(0.2)
        return time.time() - self.started_at

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def start_ours(model: Path, action_url: str, tracker_url: str, lock_url: Optional[str], workers: int) -> Server:
    env = _clean_env(PORT=str(_free_port()), HOST="127.0.0.1", ACTION_SERVER_URL=action_url,
                     TRACKER_STORE_URL=tracker_url, SANIC_WORKERS=str(workers if lock_url else 1),
                     **({"LOCK_STORE_URL": lock_url} if lock_url else {}))
    return Server("ours", [sys.executable, "-m", "bot.server", "--model", str(model)], env,
                  workers=workers if lock_url else 1)


class Fleet:
    """Single-worker instances behind nginx with docs/deploy/nginx.conf: nginx spreads
    requests over the instances, where SANIC_WORKERS spreads connections over workers
    (a few busy keep-alive connections can all land on one worker)."""

    def __init__(self, name: str, servers: List[Server]) -> None:
        self.name, self.servers, self.workers = name, servers, 1
        self.started_at = min(server.started_at for server in servers)
        self.log_path = servers[0].log_path
        self.port = _free_port()
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        if not Path(nginx).exists():
            raise RuntimeError("--layout instances needs nginx (apt-get install -y nginx)")
        out = BENCH_DIR / name / "nginx"
        out.mkdir(parents=True, exist_ok=True)
        config = (ROOT / "docs" / "deploy" / "nginx.conf").read_text()
        upstreams = itertools.cycle(f"server 127.0.0.1:{server.port}" for server in servers)
        config = re.sub(r"server rasa\d:5005.*;", lambda _: next(upstreams) + ";", config)
        for server in servers[2:]:  # the file lists two instances
            for block in ("upstream rasa {", "upstream rasa_socketio {"):
                config = config.replace(block, f"{block}\n        server 127.0.0.1:{server.port};")
        config = config.replace("listen 80;", f"listen 127.0.0.1:{self.port};")
        config = config.replace("access_log /dev/stdout noquery;", "access_log off;")
        config = config.replace("worker_processes auto;", f"worker_processes 1;\npid {out}/nginx.pid;")
        (out / "nginx.conf").write_text(config)
        self.nginx = subprocess.Popen([nginx, "-p", str(out), "-c", str(out / "nginx.conf"), "-e",
                                       str(out / "error.log"), "-g", "daemon off;"])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def pids(self) -> List[int]:
        return [server.process.pid for server in self.servers] + [self.nginx.pid]

    def wait_all_workers(self, timeout: float = 300) -> float:
        return max(server.wait_all_workers(timeout) + server.started_at for server in self.servers) - self.started_at

    def stop(self) -> None:
        self.nginx.terminate()
        self.nginx.wait(10)
        for server in self.servers:
            server.stop()


def start_ours_instances(model: Path, action_url: str, tracker_url: str, lock_url: Optional[str], count: int) -> Fleet:
    servers = []
    for i in range(count):
        env = _clean_env(PORT=str(_free_port()), HOST="127.0.0.1", ACTION_SERVER_URL=action_url,
                         TRACKER_STORE_URL=tracker_url, SANIC_WORKERS="1",
                         **({"LOCK_STORE_URL": lock_url} if lock_url else {}))
        servers.append(Server("ours", [sys.executable, "-m", "bot.server", "--model", str(model)], env,
                              log_name=f"server-{i + 1}.log"))
    return Fleet("ours", servers)


def rasa_store_endpoints(tracker_url: str, lock_url: Optional[str]) -> Dict:
    """The same stores as ours, in Rasa's own endpoints.yml terms."""
    import sqlalchemy as sa

    parsed = sa.engine.make_url(tracker_url)
    tracker = {"type": "SQL", "dialect": parsed.get_backend_name(), "db": parsed.database}
    if parsed.host:
        tracker.update(url=parsed.host, port=parsed.port or 5432, username=parsed.username,
                       **({"password": parsed.password} if parsed.password else {}))
    endpoints = {"tracker_store": tracker}
    if lock_url:
        lock = sa.engine.make_url(lock_url.replace("redis://", "redis+x://", 1))
        endpoints["lock_store"] = {"type": "redis", "url": lock.host, "port": lock.port or 6379,
                                   "db": int(lock.database or 0)}
    return endpoints


def start_reference(model: Path, action_url: str, tracker_url: str, lock_url: Optional[str], workers: int) -> Server:
    out = BENCH_DIR / "reference"
    out.mkdir(parents=True, exist_ok=True)
    (out / "credentials.yml").write_text("rest: {}\n")
    endpoints = {"action_endpoint": {"url": action_url}, **rasa_store_endpoints(tracker_url, lock_url)}
    (out / "endpoints.yml").write_text(yaml.safe_dump(endpoints))
    env = _clean_env(PORT=str(_free_port()), SANIC_WORKERS=str(workers if lock_url else 1))
    return Server("reference", [
        sys.executable, "-m", "rasa", "run", "--model", str(model), "--port", env["PORT"],
        "--interface", "127.0.0.1", "--credentials", str(out / "credentials.yml"),
        "--endpoints", str(out / "endpoints.yml")], env, workers=workers if lock_url else 1)


def start_action_server() -> Server:
    env = _clean_env(PORT=str(_free_port()),
                     ESCALATION_STORE_URL=f"sqlite:///{BENCH_DIR / 'escalations.db'}")
    server = Server("actions", [sys.executable, "-m", "bot.serving.action_server", "--actions", "actions", "--port", env["PORT"]], env)
    import requests

    deadline = time.time() + 120
    while True:
        try:
            if requests.get(f"{server.url}/health", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        if time.time() > deadline or server.process.poll() is not None:
            raise RuntimeError(f"action server did not start, see {server.log_path}")
        time.sleep(0.3)


# --- one measured run ---------------------------------------------------------------
@dataclass
class Measured:
    name: str
    setup: str
    train_s: float
    trained_at: str
    ready_s: float = 0.0
    all_workers_s: float = 0.0
    rss_idle_mb: float = 0.0
    rss_mb: float = 0.0
    loads: Dict[int, LoadResult] = field(default_factory=dict)
    cpu_ms: Dict[int, float] = field(default_factory=dict)  # server processes, per reply
    store_cpu_ms: Dict[int, float] = field(default_factory=dict)  # PostgreSQL + Redis, per reply
    load_average: Dict[int, float] = field(default_factory=dict)  # 1-min, after each load


def measure(server: Union[Server, "Fleet"], training: Training, setup: str, questions: List[str],
            c1: int, c16: int, log=print) -> Measured:
    import asyncio

    result = Measured(server.name, setup, training.seconds, training.measured_at)
    try:
        ready_at = wait_for_first_reply(server.url)
        if ready_at is None:
            raise RuntimeError(f"{server.name} never answered; see {server.log_path}")
        result.ready_s = ready_at - server.started_at
        result.all_workers_s = server.wait_all_workers()
        log(f"[{server.name}] first reply {result.ready_s:.1f}s after start, all workers {result.all_workers_s:.1f}s")
        asyncio.run(run_load(server.url, questions, 4, 60, tag="warmup"))  # the reference traces its TF graphs lazily
        result.rss_idle_mb = sum(rss_mb(pid) for pid in server.pids())
        for concurrency, messages in ((1, c1), (16, c16)):
            cpu_before, store_before = sum(cpu_seconds(pid) for pid in server.pids()), store_cpu_seconds()
            load = asyncio.run(run_load(server.url, questions, concurrency, messages, tag=f"c{concurrency}"))
            replies = max(1, load.messages - load.errors)
            result.cpu_ms[concurrency] = (sum(cpu_seconds(pid) for pid in server.pids()) - cpu_before) * 1000 / replies
            result.store_cpu_ms[concurrency] = (store_cpu_seconds() - store_before) * 1000 / replies
            result.load_average[concurrency] = os.getloadavg()[0]
            result.loads[concurrency] = load
            log(f"[{server.name}] c={concurrency}: {load.throughput:.1f} msg/s, p50 {load.p50_ms:.0f} ms, "
                f"p95 {load.p95_ms:.0f} ms, p99 {load.p99_ms:.0f} ms, errors {load.errors}, "
                f"CPU {result.cpu_ms[concurrency]:.1f} ms/msg (+{result.store_cpu_ms[concurrency]:.1f} stores), "
                f"load average {result.load_average[concurrency]:.1f}")
        result.rss_mb = sum(rss_mb(pid) for pid in server.pids())
    finally:
        server.stop()
    return result


# --- report -------------------------------------------------------------------------
def _rows(ours: Measured, ref: Measured) -> List[tuple]:
    """(metric, ours, reference, ratio ours/reference, better when)"""
    rows = [
        ("training time (s)", ours.train_s, ref.train_s, "lower"),
        ("start-up: first reply (s)", ours.ready_s, ref.ready_s, "lower"),
        ("start-up: all workers (s)", ours.all_workers_s, ref.all_workers_s, "lower"),
        ("resident memory after load (MB)", ours.rss_mb, ref.rss_mb, "lower"),
    ]
    for c in (1, 16):
        o, r = ours.loads[c], ref.loads[c]
        rows += [
            (f"c={c} throughput (msg/s)", o.throughput, r.throughput, "higher"),
            (f"c={c} p50 latency (ms)", o.p50_ms, r.p50_ms, "lower"),
            (f"c={c} p95 latency (ms)", o.p95_ms, r.p95_ms, "lower"),
            (f"c={c} p99 latency (ms)", o.p99_ms, r.p99_ms, "lower"),
            (f"c={c} server CPU per reply (ms)", ours.cpu_ms[c], ref.cpu_ms[c], "lower"),
            (f"c={c} PostgreSQL + Redis CPU per reply (ms)", ours.store_cpu_ms[c], ref.store_cpu_ms[c], "lower"),
            (f"c={c} errors", o.errors, r.errors, "lower"),
        ]
    return [(name, o, r, (o / r if r else None), better) for name, o, r, better in rows]


def targets(ours: Measured, ref: Measured) -> List[tuple]:
    ratio = ours.loads[16].throughput / ref.loads[16].throughput
    cpu = {c: ours.cpu_ms[c] / ref.cpu_ms[c] for c in (1, 16) if ref.cpu_ms.get(c)}
    checks = [
        ("server CPU per reply <= 40 % of reference (c=1 / c=16)", " / ".join(f"{v:.0%}" for v in cpu.values()),
         bool(cpu) and all(v <= TARGETS["cpu_per_reply_ratio"] for v in cpu.values())),
        ("throughput at c=16 >= 3x reference", f"{ratio:.2f}x", ratio >= TARGETS["throughput_c16_ratio"]),
        ("p95 at c=1 <= 40 ms", f"{ours.loads[1].p95_ms:.0f} ms", ours.loads[1].p95_ms <= TARGETS["p95_c1_ms"]),
        ("p95 at c=16 <= 250 ms", f"{ours.loads[16].p95_ms:.0f} ms", ours.loads[16].p95_ms <= TARGETS["p95_c16_ms"]),
        ("first reply <= 20 s after start", f"{ours.ready_s:.1f} s", ours.ready_s <= TARGETS["ready_s"]),
        ("no errors", f"{ours.loads[1].errors + ours.loads[16].errors}", ours.loads[1].errors + ours.loads[16].errors == 0),
    ]
    return checks


def _fmt(value: float) -> str:
    if isinstance(value, int):
        return str(value)
    return f"{value:.0f}" if abs(value) >= 100 else f"{value:.1f}" if abs(value) >= 10 else f"{value:.2f}"


def table(ours: Measured, ref: Measured) -> str:
    lines = ["| metric | ours | reference | ours / reference |", "|---|---:|---:|---:|"]
    for name, o, r, ratio, better in _rows(ours, ref):
        shown = f"{_fmt(ratio)}x ({better} is better)" if ratio is not None else "–"
        lines.append(f"| {name} | {_fmt(o)} | {_fmt(r)} | {shown} |")
    return "\n".join(lines)


def write_report(ours: Measured, ref: Measured, c1: int, c16: int, questions: int, load_before: float,
                 suffix: str = "") -> str:
    checks = targets(ours, ref)
    after = ", ".join(f"{m.name} c={c}: {m.load_average[c]:.1f}" for m in (ours, ref) for c in (1, 16))
    report = f"""# Benchmark: this bot vs Rasa 3.6 defaults

{dt.datetime.now():%Y-%m-%d %H:%M}, {cpu_count()} CPU cores, {platform.platform()}, Python {platform.python_version()}.
Absolute figures depend on the machine: quote the ratios. Wall-clock figures (throughput,
latency, start-up) are only fair on an otherwise idle machine: 1-minute load average
before the run {load_before:.1f}; after each load {after} (these include the server under
test and the load generator). CPU per reply hardly depends on other work.

- **ours**: {ours.setup}
- **reference**: {ref.setup}

Load: REST channel, {questions} FAQ questions from tests/data/heldout_nlu.yml in turn; each
virtual user holds 10-question conversations and sends the next question when the reply
arrives. c=1: {c1} messages; c=16: {c16} messages; 60 warm-up messages first (not counted).
Latency is client-side, request sent to full reply. Start-up: process start to the first
successful REST reply. Memory: RSS summed over the server's process tree after the load.
Server CPU per reply: user + system time of the server's process tree during the load,
divided by the replies; PostgreSQL and Redis work for our bot is counted apart.
Training: a fresh `rasa train` with a cold cache (ours measured {ours.trained_at},
reference {ref.trained_at}).

{table(ours, ref)}

## Targets

| target | ours | met |
|---|---:|:---:|
""" + "\n".join(f"| {name} | {value} | {'yes' if ok else 'NO'} |" for name, value, ok in checks) + "\n"
    (BENCH_DIR / f"report{suffix}.md").write_text(report)
    (BENCH_DIR / f"results{suffix}.json").write_text(json.dumps(
        {m.name: {**{k: v for k, v in asdict(m).items() if k != "loads"},
                  "loads": {c: l.as_dict() for c, l in m.loads.items()}} for m in (ours, ref)}, indent=2))
    return report


def chart(ours: Measured, ref: Measured, suffix: str = "") -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 4, figsize=(16, 4))
    names, colours = ["ours", "reference"], ["#2a7ab0", "#b0b0b0"]
    width = 0.38

    def bars(ax, labels, ours_values, ref_values, title, unit):
        xs = range(len(labels))
        ax.bar([x - width / 2 for x in xs], ours_values, width, label=names[0], color=colours[0])
        ax.bar([x + width / 2 for x in xs], ref_values, width, label=names[1], color=colours[1])
        ax.set_xticks(list(xs))
        ax.set_xticklabels(labels)
        ax.set_title(title)
        ax.set_ylabel(unit)

    bars(axes[0], ["c=1", "c=16"], [ours.loads[c].throughput for c in (1, 16)],
         [ref.loads[c].throughput for c in (1, 16)], "Throughput", "messages / s")
    for ax, c in ((axes[1], 1), (axes[2], 16)):
        bars(ax, ["p50", "p95", "p99"], [ours.loads[c].p50_ms, ours.loads[c].p95_ms, ours.loads[c].p99_ms],
             [ref.loads[c].p50_ms, ref.loads[c].p95_ms, ref.loads[c].p99_ms], f"Latency at c={c}", "ms")
    bars(axes[3], ["start-up (s)", "training (min)", "RSS (GB)"],
         [ours.ready_s, ours.train_s / 60, ours.rss_mb / 1024], [ref.ready_s, ref.train_s / 60, ref.rss_mb / 1024],
         "Start-up, training, memory", "")
    axes[0].legend()
    fig.tight_layout()
    path = BENCH_DIR / f"chart{suffix}.png"
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--c1-messages", type=int, default=300)
    parser.add_argument("--c16-messages", type=int, default=1600)
    parser.add_argument("--layout", choices=["workers", "instances"], default="workers",
                        help="ours as one instance with BENCH_WORKERS Sanic workers (default), or as "
                             "BENCH_WORKERS single-worker instances behind nginx (report-instances.md)")
    args = parser.parse_args(argv)
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    questions = heldout_questions(HELDOUT)

    ours_training = train("ours", (ROOT / "config.yml").read_text(), OUR_INPUTS)
    # BENCH_KEEP_REFERENCE=1: the reference's ~30-minute training is not redone for a data
    # change (its CPU per reply barely moves with a few hundred examples; the report says so).
    epochs = int(os.environ["BENCH_REFERENCE_EPOCHS"]) if os.environ.get("BENCH_REFERENCE_EPOCHS") else None
    ref_training = train("reference", reference_config(epochs), SHARED_INPUTS,
                         keep_stale=os.environ.get("BENCH_KEEP_REFERENCE") == "1")
    tracker_url = prepare_tracker_store("ours")
    ref_tracker_url = prepare_tracker_store("reference")
    lock_url = prepare_lock_store()
    workers = int(os.environ.get("BENCH_WORKERS", "1")) if lock_url else 1
    store = "PostgreSQL" if tracker_url.startswith("postgresql") else "SQLite"
    stores = f"{'Redis' if lock_url else 'in-memory'} lock store, {store} tracker store"
    if args.layout == "workers":
        ours_setup = f"config.yml, `python -m bot.server`, SANIC_WORKERS={workers}, {stores}"
    else:
        ours_setup = (f"config.yml, {workers} × `python -m bot.server` (1 Sanic worker each) behind nginx "
                      f"(docs/deploy/nginx.conf), {stores}")
    ref_setup = f"Rasa default config, `rasa run`, SANIC_WORKERS={workers}, {stores} (its own database)"
    if epochs is not None:
        ref_setup += (f"; trained {epochs} epochs per model instead of 100 (BENCH_REFERENCE_EPOCHS): same networks "
                      "and inference work, so its training time is not comparable")

    load_before = os.getloadavg()[0]  # after training, which loads the machine
    actions = start_action_server()
    action_url = f"{actions.url}/webhook"
    try:
        # One at a time: the two servers never compete for the CPU.
        start = start_ours if args.layout == "workers" else start_ours_instances
        ours = measure(start(ours_training.model, action_url, tracker_url, lock_url, workers),
                       ours_training, ours_setup, questions, args.c1_messages, args.c16_messages)
        ref = measure(start_reference(ref_training.model, action_url, ref_tracker_url, lock_url, workers),
                      ref_training, ref_setup, questions, args.c1_messages, args.c16_messages)
    finally:
        actions.stop()

    suffix = "" if args.layout == "workers" else "-instances"
    report = write_report(ours, ref, args.c1_messages, args.c16_messages, len(questions), load_before, suffix)
    chart(ours, ref, suffix)
    print(report)
    print("Written: " + ", ".join(str(BENCH_DIR / f"{n}{suffix}.{e}") for n, e in
                                  (("report", "md"), ("chart", "png"), ("results", "json"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
