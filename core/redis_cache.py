"""
Django's Redis cache backend, keeping one redis.Redis client per server.

Django's own client builds a new redis.Redis object for every cache call.
Building one registers about 170 response callbacks, which costs more than
the network round trip of a page-cache hit. A redis.Redis object is safe to
share: each command borrows a connection from the pool and gives it back.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedRedisCacheClient(RedisCacheClient):
    def __init__(self, servers, **options):
        super().__init__(servers, **options)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(self._servers[index], **self._pool_options)
            client = self._clients[index] = self._client(connection_pool=self._pools[index])
        return client


class SharedClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedRedisCacheClient
