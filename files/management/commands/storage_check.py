import uuid

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from files import s3

REQUIRED_CORS_METHODS = {"PUT"}
REQUIRED_EXPOSED_HEADERS = {"etag"}


class Command(BaseCommand):
    help = "Check the file store: bucket reachable, credentials, a write/read/delete round trip, CORS for browser uploads."

    def handle(self, **options):
        failures = 0
        if not s3.is_configured():
            self.stdout.write(
                f"Storage: local files in {settings.MEDIA_ROOT} (AWS_STORAGE_BUCKET_NAME is not set)."
            )
            failures += not self._check(self._round_trip, "write, read and delete a test file")
        else:
            bucket = s3.bucket_name()
            endpoint = settings.AWS_S3_ENDPOINT_URL or "AWS"
            self.stdout.write(f"Storage: S3 bucket {bucket!r} at {endpoint}.")
            for check, label in [
                (self._bucket, "bucket reachable and credentials accepted"),
                (self._round_trip, "write, read and delete a test file"),
                (self._cors, "CORS allows browser uploads (PUT, ETag exposed)"),
            ]:
                failures += not self._check(check, label)
        if failures:
            raise CommandError(f"{failures} storage check(s) failed.")
        self.stdout.write(self.style.SUCCESS("The file store is ready."))

    def _check(self, check, label) -> bool:
        try:
            detail = check()
        except Exception as error:  # every failure is reported, none stops the others
            self.stdout.write(self.style.ERROR(f"  FAIL  {label}: {type(error).__name__}: {error}"))
            return False
        self.stdout.write(self.style.SUCCESS(f"  ok    {label}") + (f" ({detail})" if detail else ""))
        return True

    def _bucket(self):
        s3.client().head_bucket(Bucket=s3.bucket_name())

    def _round_trip(self):
        payload = uuid.uuid4().hex.encode()
        name = default_storage.save(f"storage-check/{uuid.uuid4().hex}.txt", ContentFile(payload))
        try:
            with default_storage.open(name, "rb") as handle:
                if handle.read() != payload:
                    raise ValueError("the file read back differs from the file written")
        finally:
            default_storage.delete(name)
        if default_storage.exists(name):
            raise ValueError("the test file is still there after deleting it")

    def _cors(self):
        rules = s3.client().get_bucket_cors(Bucket=s3.bucket_name())["CORSRules"]
        for rule in rules:
            methods = {m.upper() for m in rule.get("AllowedMethods", [])}
            exposed = {h.lower() for h in rule.get("ExposeHeaders", [])}
            if REQUIRED_CORS_METHODS <= methods and REQUIRED_EXPOSED_HEADERS <= exposed:
                return "origins: " + ", ".join(rule.get("AllowedOrigins", []))
        raise ValueError("no CORS rule allows PUT and exposes ETag; see docs/storage.md")
