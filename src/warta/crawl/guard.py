"""Where the fetcher may connect: no server-side request forgery through a crawled URL.

A feed, sitemap or redirect names any URL it likes, so every hop is checked before it is
fetched: the host is resolved once, and the request is refused if any of its addresses is
loopback, private, link-local, CGNAT, multicast, reserved or unspecified (IPv4-mapped, NAT64 and
6to4 IPv6 forms are unwrapped first), or if the host is a cloud metadata service. The connection
is then made to the addresses that were checked, never to a second DNS answer, so a name that
changes its answer between check and connection (DNS rebinding) cannot reach an inner address.

`allow_private` (the `fetch_allow_private` setting) lifts the address rules for intranet
crawling and tests; metadata services stay refused even then. Limit: through an HTTP(S) proxy
from the environment the proxy connects and resolves, so the pinning cannot apply there.
"""
from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.request
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolve = Callable[[str, int], list[str]]
Connect = Callable[..., socket.socket]

# Names and addresses of instance metadata services (GCP, AWS, ECS, Azure, Alibaba, Oracle): they
# hand out cloud credentials to whoever asks from inside, so they are refused even when
# private addresses are allowed.
METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata.goog", "metadata", "instance-data",
                            "instance-data.ec2.internal", "metadata.azure.internal"})
METADATA_ADDRESSES = frozenset(ipaddress.ip_address(a) for a in (
    "169.254.169.254", "169.254.170.2", "169.254.169.253", "100.100.100.200", "192.0.0.192", "fd00:ec2::254"))
_METADATA = "a cloud metadata service"
_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# Names that point inside by convention, whatever a resolver says (RFC 6761 .localhost; .internal
# is reserved by ICANN for private use).
_INNER_SUFFIXES = (".localhost", ".internal", ".local")

_CLASSES: tuple[tuple[str, Callable[[Any], bool]], ...] = (
    ("a loopback address", lambda a: a.is_loopback),
    ("the unspecified address", lambda a: a.is_unspecified),
    ("a link-local address", lambda a: a.is_link_local),
    ("a multicast address", lambda a: a.is_multicast),
    ("a shared (CGNAT) address", lambda a: a in _CGNAT),
    ("a private address", lambda a: a.is_private),
    ("a reserved address", lambda a: a.is_reserved),
    ("not a public address", lambda a: not a.is_global),
)


def embedded_ipv4(address: IPAddress) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped ::ffff:a.b.c.d, NAT64, 6to4), if any."""
    if not isinstance(address, ipaddress.IPv6Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def blocked_reason(address: IPAddress, *, allow_private: bool = False) -> str | None:
    """Why connecting to `address` is refused ("a loopback address"...), or None."""
    inner = embedded_ipv4(address)
    if inner is not None and (why := blocked_reason(inner, allow_private=allow_private)):
        return why
    if address in METADATA_ADDRESSES:
        return _METADATA
    if allow_private:
        return None
    return next((label for label, test in _CLASSES if test(address)), None)


def system_resolve(host: str, port: int) -> list[str]:
    """Every address `host` resolves to for a TCP connection, in the resolver's order."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


class BlockedAddress(Exception):
    """The host may not be fetched; the message says why, in one line."""

    def __init__(self, host: str, why: str, *, address: str | None = None) -> None:
        where = host if address is None or address == host else f"{host} resolves to {address},"
        hint = "always refused" if why == _METADATA else "the fetch_allow_private setting allows it"
        super().__init__(f"refused: {where} {'is ' if where == host else ''}{why} ({hint})")


def check_host(host: str, port: int, *, allow_private: bool, resolve: Resolve) -> list[str]:
    """The addresses of `host` if every one may be fetched; BlockedAddress if not, OSError if unresolvable."""
    name = host.rstrip(".").lower()
    if name in METADATA_HOSTS:
        raise BlockedAddress(host, _METADATA)
    if not allow_private and (name == "localhost" or name.endswith(_INNER_SUFFIXES)):
        raise BlockedAddress(host, "a local name")
    try:
        addresses = resolve(name, port)
    except UnicodeError as error:  # a label too long for IDNA: no such host
        raise OSError(f"cannot resolve {host} ({error})") from None
    if not addresses:
        raise OSError(f"{host} has no address")
    for text in addresses:
        why = blocked_reason(ipaddress.ip_address(text.split("%", 1)[0]), allow_private=allow_private)
        if why:
            raise BlockedAddress(host, why, address=text)
    return addresses


def pinned_opener(host: str, addresses: list[str], connect: Connect) -> urllib.request.OpenerDirector:
    """An opener that reaches `host` only at the checked `addresses` and follows no redirect."""
    def create(address: tuple[str, int], timeout: Any = None, source_address: Any = None) -> socket.socket:
        target, port = address[0].rstrip(".").lower(), address[1]
        if target == host.rstrip(".").lower():
            return _connect_first(addresses, port, timeout, source_address, connect)
        if target in _proxy_hosts():  # the environment's proxy (the user's choice) does the connecting
            return connect(address, timeout, source_address)
        raise BlockedAddress(address[0], "not the host that was checked")

    def pinned(cls: type[http.client.HTTPConnection]) -> Callable[..., http.client.HTTPConnection]:
        def make(netloc: str, **kwargs: Any) -> http.client.HTTPConnection:
            connection = cls(netloc, **kwargs)
            connection._create_connection = create  # type: ignore[attr-defined]  # http.client's socket hook
            return connection
        return make

    class Http(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(pinned(http.client.HTTPConnection), req)

    class Https(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> Any:
            return self.do_open(pinned(http.client.HTTPSConnection), req, context=self._context)  # type: ignore[attr-defined]

    return urllib.request.build_opener(Http, Https, _NoRedirects)


def _proxy_hosts() -> set[str]:
    """The hosts of the proxies named by the environment (http_proxy, https_proxy...)."""
    urls = urllib.request.getproxies().values()
    return {(urlsplit(u if "://" in u else f"http://{u}").hostname or "").lower() for u in urls}


def _connect_first(addresses: list[str], port: int, timeout: Any, source: Any, connect: Connect) -> socket.socket:
    """Connect to the first of `addresses` that answers, as socket.create_connection does for a name."""
    error: OSError | None = None
    for address in addresses:
        try:
            return connect((address, port), timeout, source)
        except OSError as failed:
            error = failed
    raise error or OSError(f"no address to connect to on port {port}")


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Hand 3xx answers back: the fetcher follows redirects itself, checking every target."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None
