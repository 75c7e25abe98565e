"""Production settings start only with what they need, and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
REQUIRED = ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "WAGTAILADMIN_BASE_URL"]


def documented_environment(tmp_path) -> dict:
    """The variables docs/deployment.md says a production site sets."""
    return {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "k7#Qv9!pL2@xR8$wN4%tY6^zB1&cM3*dF5(gH0)jS-uE_aW+oI=",
        "ALLOWED_HOSTS": "learn.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'production.sqlite3'}",
        "WAGTAILADMIN_BASE_URL": "https://learn.example.org",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "WEB_CONCURRENCY": "4",
    }


def run_python(code: str, environment: dict) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_", "LOG_"))}
    env = {k: v for k, v in env.items() if k not in REQUIRED + ["REDIS_URL"]}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**env, **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("missing", REQUIRED)
def test_production_refuses_to_start_without_a_required_variable_and_names_it(missing, tmp_path):
    environment = documented_environment(tmp_path)
    del environment[missing]
    result = run_python("import django; django.setup()", environment)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert missing in result.stderr.strip().splitlines()[-1]


def test_check_deploy_reports_nothing_with_the_documented_variables(tmp_path):
    code = "import sys; from django.core.management import execute_from_command_line as run; "
    code += "run(['manage.py', 'check', '--deploy', '--fail-level', 'WARNING'])"
    result = run_python(code, documented_environment(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_several_workers_without_redis_are_warned_about(tmp_path):
    environment = documented_environment(tmp_path)
    del environment["REDIS_URL"]
    code = "from django.core.management import execute_from_command_line as run; run(['manage.py', 'check'])"
    result = run_python(code, environment)
    assert "lectern.W001" in result.stderr and "REDIS_URL" in result.stderr


def test_production_secures_every_cookie_and_logs_json_when_asked(tmp_path):
    environment = {**documented_environment(tmp_path), "LOG_FORMAT": "json"}
    code = "import django; django.setup(); from django.conf import settings as s; "
    code += "print(s.LANGUAGE_COOKIE_SECURE, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, "
    code += (
        "s.LOGGING['handlers']['console']['formatter'], s.CACHES['default']['BACKEND'].rsplit('.', 1)[-1])"
    )
    result = run_python(code, environment)
    assert result.stdout.split() == ["True", "True", "True", "json", "RedisCache"], result.stderr
