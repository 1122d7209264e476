"""
The address of the person making a request.

Behind N trusted proxies, each appends the address it received the request
from to X-Forwarded-For, so the client is the Nth entry from the right.
Anything further left was written by the client and cannot be trusted.
With no trusted proxies the header is ignored entirely.
"""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote_addr
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
    if len(hops) < proxies:
        # Fewer hops than proxies: the request skipped a proxy; trust only the socket.
        return remote_addr
    candidate = hops[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr
