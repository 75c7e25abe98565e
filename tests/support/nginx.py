"""The sample nginx configuration (deploy/nginx.conf), made runnable on loopback ports.

Only what the sample marks "change" is changed: the upstream addresses, the ports,
the certificate and the static folder. The result is wrapped in a main configuration
whose pid file, logs and temporary folders live in a folder of the caller's, so nginx
runs without touching /etc, /var or /run.
"""

from __future__ import annotations

import datetime
import os
import re
import subprocess
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent.parent / "deploy" / "nginx.conf"

MAIN = """worker_processes {workers};
{user}pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {folder}/client_body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/lectern.conf;
}}
"""


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=2))
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    return cert_path, key_path


def loopback_site(
    folder: Path, upstreams: list[str], http_port: int, https_port: int, static_root: Path
) -> str:
    """The sample's server blocks, with loopback addresses, a fresh certificate and the given folders."""
    cert, key = self_signed_certificate(folder)
    text = SAMPLE.read_text()
    servers = "".join(f"    server {address};\n" for address in upstreams)
    text = re.sub(r"(upstream lectern \{\n)(?:    server [^\n]*\n)+", lambda m: m.group(1) + servers, text)
    text = text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    text = text.replace("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;")
    text = re.sub(r"ssl_certificate [^;]+;", f"ssl_certificate {cert};", text)
    text = re.sub(r"ssl_certificate_key [^;]+;", f"ssl_certificate_key {key};", text)
    text = text.replace("/srv/lectern/static/", f"{static_root}/").replace(
        "/var/www/letsencrypt", str(folder)
    )
    return text


def write_config(folder: Path, site: str, workers: int = 1) -> Path:
    """The main configuration around ``site``; returns its path (for ``nginx -c``)."""
    (folder / "lectern.conf").write_text(site)
    user = "user root;\n" if os.geteuid() == 0 else ""  # workers must read the caller's private folders
    main = folder / "nginx.conf"
    main.write_text(MAIN.format(folder=folder, workers=workers, user=user))
    return main


def nginx_test(program: str, main: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [program, "-t", "-c", str(main), "-p", str(main.parent), "-e", str(main.parent / "error.log")],
        capture_output=True,
        text=True,
        timeout=30,
    )
