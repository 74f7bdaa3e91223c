"""The shared HMAC signature: format, verification, expiry, tampering."""
from __future__ import annotations

import hashlib
import hmac
import time

import pytest

from bot.channels import signing

SECRET = "s3cret"
BODY = b'{"sender":"p1","message":"does it hurt?"}'


def test_header_format_matches_the_contract() -> None:
    header = signing.sign(SECRET, BODY, timestamp=1700000000)
    expected = hmac.new(SECRET.encode(), b"1700000000." + BODY, hashlib.sha256).hexdigest()
    assert header == f"t=1700000000,v1={expected}"


def test_sign_uses_the_current_time_by_default() -> None:
    timestamp, _ = signing.parse_header(signing.sign(SECRET, BODY))
    assert abs(timestamp - time.time()) < 5


def test_str_and_bytes_bodies_sign_the_same() -> None:
    assert signing.sign(SECRET, BODY.decode(), 1) == signing.sign(SECRET, BODY, 1)


def test_a_fresh_signature_verifies() -> None:
    assert signing.verify(SECRET, BODY, signing.sign(SECRET, BODY))


@pytest.mark.parametrize("skew", [-299, 299])
def test_clock_skew_within_tolerance_is_accepted(skew: int) -> None:
    now = 1_700_000_000
    assert signing.verify(SECRET, BODY, signing.sign(SECRET, BODY, now + skew), now=now)


@pytest.mark.parametrize("skew", [-301, 301, -86400])
def test_stale_or_future_timestamps_are_refused(skew: int) -> None:
    now = 1_700_000_000
    header = signing.sign(SECRET, BODY, now + skew)
    with pytest.raises(signing.SignatureError, match="window"):
        signing.check(SECRET, BODY, header, now=now)


def test_a_changed_body_is_refused() -> None:
    header = signing.sign(SECRET, BODY)
    assert not signing.verify(SECRET, BODY + b" ", header)


def test_a_changed_timestamp_is_refused() -> None:
    # The timestamp is part of what is signed: moving it forward to dodge expiry fails.
    now = int(time.time())
    digest = signing.compute(SECRET, BODY, now - 1000)
    with pytest.raises(signing.SignatureError, match="does not match"):
        signing.check(SECRET, BODY, f"t={now},v1={digest}")


def test_another_secret_is_refused() -> None:
    assert not signing.verify(SECRET, BODY, signing.sign("other", BODY))


def test_any_of_several_v1_signatures_may_match() -> None:
    # A sender rotating its secret signs with both keys.
    t = int(time.time())
    header = f"t={t},v1={signing.compute('old', BODY, t)},v1={signing.compute(SECRET, BODY, t)}"
    assert signing.verify(SECRET, BODY, header)


def test_unknown_schemes_are_ignored_and_spaces_tolerated() -> None:
    t = int(time.time())
    header = f"t={t}, v0=abc, v1={signing.compute(SECRET, BODY, t).upper()}"
    assert signing.verify(SECRET, BODY, header)


@pytest.mark.parametrize(
    "header",
    [
        None,
        "",
        "   ",
        "garbage",
        "t=abc,v1=" + "0" * 64,
        "t=-5,v1=" + "0" * 64,
        "t=1,t=2,v1=" + "0" * 64,
        "v1=" + "0" * 64,
        "t=1700000000",
        "t=1700000000,v1=nothex",
        "t=1700000000,v1=" + "0" * 63,
        "t=1700000000,v1=",
    ],
)
def test_malformed_headers_are_refused_with_a_reason(header: str) -> None:
    with pytest.raises(signing.SignatureError):
        signing.check(SECRET, BODY, header, now=1700000000)
    assert not signing.verify(SECRET, BODY, header, now=1700000000)
