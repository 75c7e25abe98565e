"""The sample nginx configuration in deploy/ parses, and never serves course files from disk."""

import re

from tests.support.local_s3 import free_port
from tests.support.nginx import SAMPLE, loopback_site, nginx_test, write_config
from tests.support.servers import required_on_ci


def test_the_sample_nginx_configuration_passes_nginx_t(tmp_path):
    nginx = required_on_ci("nginx", "the check of deploy/nginx.conf")
    static_root = tmp_path / "static"
    static_root.mkdir()
    site = loopback_site(
        tmp_path, ["127.0.0.1:8001", "127.0.0.1:8002"], free_port(), free_port(), static_root
    )
    result = nginx_test(nginx, write_config(tmp_path, site))
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_the_sample_nginx_configuration_sends_media_and_documents_to_lectern():
    sample = SAMPLE.read_text()
    served_from_disk = re.findall(r"location\s+(\S+)\s*\{[^}]*\b(?:alias|root)\b", sample)
    assert served_from_disk == ["/.well-known/acme-challenge/", "/static/"]
    assert "X-Forwarded-Proto $scheme" in sample and "X-Request-ID $request_id" in sample
