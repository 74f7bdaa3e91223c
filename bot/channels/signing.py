"""HMAC request signatures shared by every webhook the service receives or sends.

Header value: ``t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>." + raw body)>``.
Signing the timestamp with the body lets a receiver refuse replays of an old request;
signing the raw bytes (not re-serialised JSON) means both sides hash exactly what
travelled. Several ``v1=`` values may be sent, so a sender can sign with an old and a new
secret while a key is rotated.
"""
from __future__ import annotations

import hashlib
import hmac
import re
import time
from typing import List, Optional, Tuple, Union

SIGNATURE_HEADER = "X-Signature"
# How far the signed timestamp may be from the receiver's clock (either way): long
# enough for clock drift and retries, short enough that a captured request soon expires.
TOLERANCE_SECONDS = 300

_TIMESTAMP = re.compile(r"^\d{1,12}$")
_HEX_DIGEST = re.compile(r"^[0-9a-fA-F]{64}$")

Body = Union[bytes, str]


class SignatureError(ValueError):
    """Why a signature was refused (for the log and the 401 body; never holds secrets)."""


def _as_bytes(value: Body) -> bytes:
    return value.encode("utf-8") if isinstance(value, str) else value


def compute(secret: str, body: Body, timestamp: int) -> str:
    """Hex HMAC-SHA256 of ``"<timestamp>." + body`` keyed with ``secret``."""
    message = str(int(timestamp)).encode("ascii") + b"." + _as_bytes(body)
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def sign(secret: str, body: Body, timestamp: Optional[int] = None) -> str:
    """The X-Signature header value for ``body``, timestamped now unless told otherwise."""
    t = int(time.time()) if timestamp is None else int(timestamp)
    return f"t={t},v1={compute(secret, body, t)}"


def parse_header(header: Optional[str]) -> Tuple[int, List[str]]:
    """Split a header into its timestamp and its v1 signatures; unknown keys are ignored
    so a later scheme (v2=...) can be added without breaking old receivers."""
    if not header or not header.strip():
        raise SignatureError("missing signature header")
    timestamp: Optional[int] = None
    signatures: List[str] = []
    for part in header.split(","):
        key, sep, value = part.strip().partition("=")
        if not sep:
            raise SignatureError("malformed signature header")
        value = value.strip()
        if key == "t":
            if timestamp is not None or not _TIMESTAMP.match(value):
                raise SignatureError("malformed signature timestamp")
            timestamp = int(value)
        elif key == "v1":
            if not _HEX_DIGEST.match(value):
                raise SignatureError("malformed v1 signature")
            signatures.append(value.lower())
    if timestamp is None:
        raise SignatureError("signature header has no timestamp")
    if not signatures:
        raise SignatureError("signature header has no v1 signature")
    return timestamp, signatures


def check(
    secret: str,
    body: Body,
    header: Optional[str],
    *,
    now: Optional[float] = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> None:
    """Raise SignatureError unless ``header`` signs ``body`` with ``secret`` within
    ``tolerance`` seconds of ``now``."""
    timestamp, signatures = parse_header(header)
    current = time.time() if now is None else now
    if abs(current - timestamp) > tolerance:
        raise SignatureError("signature timestamp outside the allowed window")
    expected = compute(secret, body, timestamp)
    # compare_digest on every candidate: the time taken must not reveal how close a guess was.
    if not any(hmac.compare_digest(expected, candidate) for candidate in signatures):
        raise SignatureError("signature does not match")


def verify(
    secret: str,
    body: Body,
    header: Optional[str],
    *,
    now: Optional[float] = None,
    tolerance: int = TOLERANCE_SECONDS,
) -> bool:
    """True if ``header`` is a valid, fresh signature of ``body``; see check()."""
    try:
        check(secret, body, header, now=now, tolerance=tolerance)
    except SignatureError:
        return False
    return True
