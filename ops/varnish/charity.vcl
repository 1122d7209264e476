vcl 4.1;

# Varnish in front of the site's app servers (gunicorn, or nginx balancing them).
# Public pages are kept for as long as their s-maxage says; the site bans them
# all (they carry "Cache-Tag: public-pages") whenever published content changes.
#
# Start it with two listeners: the public one, and one named "purge" for the
# site's bans, on an address only the app servers reach, e.g.
#   varnishd -a public=:6081 -a purge=10.0.0.5:6082 -f charity.vcl ...
# and point FRONTEND_CACHE_URLS at the purge listener (http://10.0.0.5:6082).
# A ban is taken only there: a proxy in front of the public listener (nginx
# terminating TLS on the same host) cannot pass one on, whoever sends it.
# Edit the backend's address, and the addresses allowed to ban, for your servers.

backend app {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (local.socket == "purge") {
        if (req.method != "BAN" || !client.ip ~ purgers) {
            return (synth(403, "Not allowed"));
        }
        # Only the tags the site uses, compared as fixed strings: a header's
        # text is never made part of a ban expression.
        if (req.http.X-Ban-Tag == "public-pages") {
            # obj.* only, so the background ban lurker can clear old objects too.
            ban("obj.http.Cache-Tag == public-pages");
            return (synth(200, "Banned"));
        }
        return (synth(400, "Unknown X-Ban-Tag"));
    }
    if (req.method == "BAN" || req.method == "PURGE") {
        return (synth(405, "Not allowed"));
    }
    unset req.http.X-Ban-Tag;
    # Signed-in staff and people with a session or messages cookie always reach Django.
    if (req.http.Cookie ~ "(sessionid|messages)=") {
        return (pass);
    }
    # Other cookies (analytics, consent) do not change a public page.
    unset req.http.Cookie;
}

sub vcl_backend_response {
    # Static files have the hash of their content in their names: kept for as
    # long as their own Cache-Control says (a year), never stale.
    if (bereq.url ~ "^/static/" && beresp.status == 200) {
        return (deliver);
    }
    # Only what the site marks as a public page is kept; everything else passes.
    # The two minutes are Varnish's "hit-for-miss" marker, as in its built-in
    # VCL: requests for a page that is never kept (the contact form) go
    # straight to Django side by side instead of queueing behind one another.
    # The marker carries the tag too, so a ban clears it with the pages: once
    # a withdrawn article (410, not kept) is restored, visitors arriving
    # together are coalesced again at once, not two minutes later.
    if (!beresp.http.Cache-Tag) {
        set beresp.http.Cache-Tag = "public-pages";
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    # While Django rebuilds a page after a ban, one request goes through and
    # the others wait for it (request coalescing), serving a stale copy only
    # for a moment: a banned object is never served again.
    set beresp.grace = 0s;
}

sub vcl_deliver {
    # The tag is for the cache, not for visitors.
    unset resp.http.Cache-Tag;
    # Every answer is the type it says it is: a browser never guesses another
    # (uploads and static files included, whatever the backend sent).
    set resp.http.X-Content-Type-Options = "nosniff";
    if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
