"""A local S3-compatible server (moto in server mode) on 127.0.0.1, and settings that store uploads in it."""

import json
import urllib.request

from moto.server import ThreadedMotoServer

from tests.servers.ports import free_port

BUCKET = "charity-media-test"
ACCESS_KEY = "test-access-key"
SECRET_KEY = "test-secret-key"
READ_BY_NAME_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}


class S3Server:
    def __init__(self):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        self._server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)

    def __enter__(self):
        self._server.start()
        # moto keeps its buckets per process, not per server: start each test from an empty store.
        reset = urllib.request.Request(f"{self.endpoint}/moto-api/reset", method="POST")  # noqa: S310 - local
        urllib.request.urlopen(reset, timeout=10).close()  # noqa: S310
        client = self.client()
        client.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-2"})
        # As docs/several-servers.md asks of a real bucket: anyone may read an object by its name; nobody may list them.
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(READ_BY_NAME_POLICY))
        return self

    def __exit__(self, *exc):
        self._server.stop()

    def client(self):
        import boto3

        return boto3.client(
            "s3",
            endpoint_url=self.endpoint,
            aws_access_key_id=ACCESS_KEY,
            aws_secret_access_key=SECRET_KEY,
            region_name="eu-west-2",
        )

    def storage_settings(self) -> dict:
        """STORAGES' default entry and MEDIA_URL as settings.py builds them for this server."""
        return {
            "default": {
                "BACKEND": "core.storage.MediaStorage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "endpoint_url": self.endpoint,
                    "region_name": "eu-west-2",
                    "access_key": ACCESS_KEY,
                    "secret_key": SECRET_KEY,
                    "addressing_style": "path",
                    "querystring_auth": False,
                    "file_overwrite": False,
                },
            }
        }

    @property
    def media_url(self) -> str:
        return f"{self.endpoint}/{BUCKET}/"
