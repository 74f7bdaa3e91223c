"""Load generation and measurement for `make bench` (bot/tools/bench.py): a server process's
start-up time and resident memory, and throughput and latency through the REST channel.

Load is shaped like patients: each virtual user holds conversations of
CONVERSATION_LENGTH questions (waiting for each reply) under a fresh sender id, so the
tracker store sees realistic conversation lengths rather than one endless tracker.
"""
from __future__ import annotations

import asyncio
import itertools
import math
import os
import time
import uuid
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Sequence

import aiohttp
import yaml

CONVERSATION_LENGTH = 10
REST_PATH = "/webhooks/rest/webhook"


def heldout_questions(path: Path) -> List[str]:
    """The FAQ questions of the held-out NLU set: real phrasing, never trained on."""
    data = yaml.safe_load(path.read_text())
    texts: List[str] = []
    for block in data.get("nlu", []):
        if str(block.get("intent", "")).startswith("faq/"):
            texts += [line[2:].strip() for line in block["examples"].splitlines() if line.startswith("- ")]
    if not texts:
        raise ValueError(f"no faq/ examples in {path}")
    return texts


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (no interpolation: p99 of 100 samples is a real sample)."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass
class LoadResult:
    concurrency: int
    messages: int
    errors: int
    seconds: float
    throughput: float  # successful replies per second
    p50_ms: float
    p95_ms: float
    p99_ms: float

    def as_dict(self) -> Dict[str, float]:
        return asdict(self)


async def _user(session: aiohttp.ClientSession, url: str, texts: Iterator[str], count: int,
                latencies: List[float], errors: List[str], tag: str) -> None:
    sender = ""
    for i in range(count):
        if i % CONVERSATION_LENGTH == 0:
            sender = f"bench-{tag}-{uuid.uuid4().hex[:12]}"
        started = time.perf_counter()
        try:
            async with session.post(url + REST_PATH, json={"sender": sender, "message": next(texts)}) as r:
                body = await r.json(content_type=None)
                ok = r.status == 200 and isinstance(body, list) and bool(body)
        except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
            ok, body = False, repr(error)
        if ok:
            latencies.append(time.perf_counter() - started)
        else:
            errors.append(str(body)[:200])


async def run_load(url: str, questions: Sequence[str], concurrency: int, messages: int, tag: str = "load") -> LoadResult:
    """`messages` REST messages from `concurrency` users at once, each user sending its
    next message as soon as it has the reply to the previous one."""
    texts = itertools.cycle(questions)
    per_user = [messages // concurrency + (i < messages % concurrency) for i in range(concurrency)]
    latencies: List[float] = []
    errors: List[str] = []
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=60)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as session:
        started = time.perf_counter()
        await asyncio.gather(*(_user(session, url, texts, n, latencies, errors, tag) for n in per_user))
        seconds = time.perf_counter() - started
    ms = [s * 1000 for s in latencies] or [float("nan")]
    return LoadResult(concurrency, messages, len(errors), seconds, len(latencies) / seconds,
                      percentile(ms, 50), percentile(ms, 95), percentile(ms, 99))


async def _first_reply(url: str, deadline: float) -> Optional[float]:
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        while time.time() < deadline:
            try:
                async with session.post(url + REST_PATH, json={"sender": "bench-startup", "message": "hello"}) as r:
                    if r.status == 200 and isinstance(await r.json(content_type=None), list):
                        return time.time()
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError):
                pass
            await asyncio.sleep(0.1)
    return None


def wait_for_first_reply(url: str, timeout_s: float = 300) -> Optional[float]:
    """When (time.time()) the server first answered a REST message, or None."""
    return asyncio.run(_first_reply(url, time.time() + timeout_s))


def _children(pid: int) -> List[int]:
    kids: List[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return kids


def process_tree(pid: int) -> List[int]:
    tree, todo = [], [pid]
    while todo:
        current = todo.pop()
        tree.append(current)
        todo += _children(current)
    return tree


def rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants (e.g. Sanic workers), MB."""
    total_kb = 0
    for p in process_tree(pid):
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total_kb += int(line.split()[1])
        except OSError:
            pass  # exited meanwhile
    return total_kb / 1024


def _cpu_seconds(pid: int) -> float:
    """utime + stime, plus cutime + cstime: a child that exits (a PostgreSQL backend when
    its connection closes) moves its time to its parent, so sums over a tree never drop."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return sum(int(f) for f in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU time used so far by a process and its descendants. Unlike wall-clock figures it
    hardly changes when other work shares the machine."""
    return sum(_cpu_seconds(p) for p in process_tree(pid))


def store_cpu_seconds() -> float:
    """CPU time of the local PostgreSQL and Redis processes (work done for the bot outside
    its own processes; other clients of these servers add to it)."""
    total = 0.0
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                name = (proc / "comm").read_text().strip()
            except OSError:
                continue
            if name.startswith(("postgres", "redis-server")):
                total += _cpu_seconds(int(proc.name))
    return total


def cpu_count() -> int:
    return len(os.sched_getaffinity(0))
