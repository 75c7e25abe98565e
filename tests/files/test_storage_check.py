from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run():
    out = StringIO()
    try:
        call_command("storage_check", stdout=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def test_a_ready_bucket_passes_every_check(own_s3_server):
    from files import s3

    s3.client().put_bucket_cors(
        Bucket="lectern-own",
        CORSConfiguration={
            "CORSRules": [
                {
                    "AllowedMethods": ["GET", "PUT"],
                    "AllowedOrigins": ["https://learn.example.org"],
                    "AllowedHeaders": ["*"],
                    "ExposeHeaders": ["ETag"],
                }
            ]
        },
    )
    output, error = run()
    assert error is None, output
    assert "ok    bucket reachable and credentials accepted" in output
    assert "ok    write, read and delete a test file" in output
    assert (
        "ok    CORS allows browser uploads (PUT, ETag exposed) (origins: https://learn.example.org)" in output
    )
    assert not list(s3.client().list_objects_v2(Bucket="lectern-own").get("Contents", []))  # cleaned up


def test_missing_cors_rules_are_reported(own_s3_server):
    output, error = run()
    assert error == "1 storage check(s) failed."
    assert "FAIL  CORS allows browser uploads" in output


def test_an_unreachable_store_fails_every_check_with_the_reason(own_s3_server):
    own_s3_server.stop()
    output, error = run()
    assert error == "3 storage check(s) failed."
    assert output.count("FAIL") == 3 and "EndpointConnectionError" in output
