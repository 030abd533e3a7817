"""Politeness and safety rules: robots.txt, per-host pacing, and which addresses may be fetched.

Each piece owns one rule and knows nothing of HTTP:

* :class:`RobotsRules` reads a robots.txt body (``urllib.robotparser`` for
  Allow/Disallow; Crawl-delay is read here because the standard parser drops
  fractional values such as ``0.5``).
* :class:`HostGate` makes requests to one host wait for each other: at most
  ``per_host`` in flight, and at least ``interval`` seconds from the start
  and from the end of one request to the start of the next.
* :func:`address_refusal` resolves a host and says why it must not be
  fetched (a private, loopback or link-local address) unless allowed.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from urllib.robotparser import RobotFileParser

__all__ = ["RobotsRules", "HostGate", "address_refusal", "UA_TOKEN"]

#: The product token robots.txt groups are matched against.
UA_TOKEN = "ghotona"


class RobotsRules:
    """What one host's robots.txt allows ghotona to fetch, and how slowly.

    ``RobotsRules.allow_all()`` stands for a missing robots.txt (4xx), and
    ``RobotsRules.deny_all(reason)`` for one that could not be read (5xx,
    timeout): RFC 9309 says to assume the site is closed until it answers.
    """

    def __init__(self, text: str | None, *, deny_reason: str | None = None) -> None:
        self.deny_reason = deny_reason
        self._parser = RobotFileParser()
        self._parser.parse((text or "").splitlines())
        self.crawl_delay = _crawl_delay(text or "", UA_TOKEN)

    @classmethod
    def allow_all(cls) -> "RobotsRules":
        return cls(None)

    @classmethod
    def deny_all(cls, reason: str) -> "RobotsRules":
        return cls(None, deny_reason=reason)

    def allowed(self, url: str) -> bool:
        if self.deny_reason is not None:
            return False
        return self._parser.can_fetch(UA_TOKEN, url)


def _crawl_delay(text: str, token: str) -> float | None:
    """The Crawl-delay of the group for ``token``, else of ``*``; seconds, fractions allowed."""
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False  # a User-agent line after rules starts a new group
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, value = (p.strip() for p in line.split(":", 1))
        key = key.lower()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        else:
            in_rules = True
            if key == "crawl-delay":
                try:
                    seconds = float(value)
                except ValueError:
                    continue
                if seconds >= 0:
                    for agent in agents:
                        delays.setdefault(agent, seconds)
    for agent, seconds in delays.items():
        if agent != "*" and agent in token.lower():
            return seconds
    return delays.get("*")


class HostGate:
    """Paces the requests to one host (created per host by the fetcher)."""

    def __init__(self, per_host: int, interval: float) -> None:
        self._slots = asyncio.Semaphore(max(1, per_host))
        self._lock = asyncio.Lock()
        self._next = 0.0
        self.interval = interval

    async def __aenter__(self) -> "HostGate":
        await self._slots.acquire()
        try:
            async with self._lock:
                wait = self._next - time.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                # Spacing counts from the start of each request: a slow
                # response does not let the next one go any sooner.
                self._next = time.monotonic() + self.interval
        except BaseException:
            self._slots.release()
            raise
        return self

    async def __aexit__(self, *exc: object) -> None:
        # And from the end of each: the event loop may have sent the request
        # late (busy storing a page), so spacing starts alone could let two
        # requests reach the server closer than the interval.
        self._next = max(self._next, time.monotonic() + self.interval)
        self._slots.release()

    def slow_down(self, interval: float) -> None:
        """Raise the interval (a Crawl-delay just read), counting from now for the next request."""
        self.interval = max(self.interval, interval)
        self._next = max(self._next, time.monotonic() + self.interval)


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    return (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
            or ip.is_reserved or ip.is_unspecified)


async def address_refusal(host: str) -> str | None:
    """Why ``host`` must not be fetched (it resolves to a non-public address), or None.

    Every address the name resolves to must be public: a name with one
    public and one private address could be pointed at either.
    """
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.strip("[]")
    try:
        ips = [ipaddress.ip_address(name)]
    except ValueError:
        loop = asyncio.get_running_loop()
        try:
            infos = await loop.getaddrinfo(name, None, type=socket.SOCK_STREAM)
        except OSError as exc:
            return f"cannot resolve {name}: {exc}"
        ips = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    for ip in ips:
        if _refused(ip):
            return (f"{name} resolves to {ip}, a private/loopback/link-local address; "
                    "set [crawl] allow_private = true to crawl your own network")
    return None
