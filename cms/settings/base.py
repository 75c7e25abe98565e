"""Settings shared by every environment.

Configuration that differs between machines comes from environment variables; the
demo (``dev``) needs none of them.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

from blocks.plugins import discover_plugin_apps
from files.s3 import storage_settings

BASE_DIR = Path(__file__).resolve().parent.parent.parent
SITE_DIR = BASE_DIR / "site"

INSTALLED_APPS = [
    "cms",
    "blocks.apps.BlocksConfig",
    "files.apps.FilesConfig",
    "search.apps.SearchConfig",
    "progress.apps.ProgressConfig",
    "roles.apps.RolesConfig",
    "surveys.apps.SurveysConfig",
    "reports.apps.ReportsConfig",
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales: locale admin with "sync from"
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Learner accounts and lock-outs (see "Learner accounts" below).
    "allauth",
    "allauth.account",
    "axes",
]

# Block plugins: Django apps advertised through the ``lectern.plugins`` entry-point
# group are installed after the core apps (so core blocks register first), unless
# switched off by name in LECTERN_DISABLED_PLUGINS. See docs/plugins.md.
LECTERN_DISABLED_PLUGINS = [
    name for name in os.environ.get("LECTERN_DISABLED_PLUGINS", "").split(",") if name
]
LECTERN_PLUGIN_APPS = discover_plugin_apps(LECTERN_DISABLED_PLUGINS)
INSTALLED_APPS += LECTERN_PLUGIN_APPS

MIDDLEWARE = [
    # Operations (issue 15): a request id and one log line per request, then the health
    # probes, answered before the HTTPS redirect and the host check.
    "cms.request_log.RequestLogMiddleware",
    "cms.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Operations (issue 15): a stored anonymous learner page, served like a static file.
    "cms.http_cache.AnonymousPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Language from the URL prefix, then Accept-Language, then LANGUAGE_CODE.
    "cms.middleware.LanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "files.middleware.StorageErrorMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Turns a lock-out noticed during authentication into the "try again at" page.
    "axes.middleware.AxesMiddleware",
    # Last, so it sees the response first: fills CSRF tokens into cached fragments.
    "blocks.csrf.CsrfPlaceholderMiddleware",
    # Inside the placeholder filler, so a stored page keeps its placeholder and every
    # visitor still gets their own CSRF token; ETag and Cache-Control for learner pages.
    "cms.http_cache.LearnerPageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # site/ is a plain folder, not a package: see DESIGN.md.
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60)
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Search: the database engine by default; Elasticsearch when ELASTICSEARCH_URL is set.
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX = os.environ.get("ELASTICSEARCH_INDEX", "lectern")
LECTERN_SEARCH_ENGINE = os.environ.get("LECTERN_SEARCH_ENGINE") or (
    "elasticsearch" if ELASTICSEARCH_URL else "database"
)
# The kinds of search document and their labels, declared by the blocks themselves
# (search imports no block: it calls this).
LECTERN_SEARCH_KINDS = "blocks.registry.search_kinds"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("fr", "Français"), ("es", "Español"), ("hu", "Magyar"), ("el", "Ελληνικά")]
TIME_ZONE = "UTC"
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# Content in every language of the site: one page tree per locale, kept in step by
# wagtail-localize (untranslated pages are aliases of the English ones).
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Files: local disk by default; any S3 API when AWS_STORAGE_BUCKET_NAME is set.
_s3 = storage_settings()
if _s3:
    globals().update(_s3)
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
# Learner pages cache their article; presigned URLs inside it must outlive the cache.
LECTERN_FRAGMENT_CACHE_SECONDS = min(24 * 3600, _s3["AWS_QUERYSTRING_EXPIRE"] // 2) if _s3 else 24 * 3600

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Lectern"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "odp",
    "txt",
    "xlsx",
    "ods",
    "zip",
    "mp4",
    "webm",
    "vtt",  # videos and their caption tracks
]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "files.forms.CourseDocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "files.forms.CourseImageForm"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain", "text/vtt", "video/mp4", "video/webm"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]

# --- Learner accounts (django-allauth) and brute-force lock-outs (django-axes) ---------
# Learners sign themselves up under /<lang>/accounts/; private pages and files send
# visitors to the same login, in the language of the page they came from.
LOGIN_URL = WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
AUTHENTICATION_BACKENDS = [
    "progress.accounts.lockout.WebLoginLockoutBackend",  # first: axes refuses a locked-out account or address
    "django.contrib.auth.backends.ModelBackend",  # Wagtail's admin login and permissions
    "allauth.account.auth_backends.AuthenticationBackend",  # log in with email or username
]
ACCOUNT_ADAPTER = "progress.accounts.adapter.LearnerAccountAdapter"
ACCOUNT_SIGNUP_FORM_CLASS = "progress.accounts.forms.LearnerSignupForm"
ACCOUNT_FORMS = {"login": "progress.accounts.login_form.LearnerLoginForm"}
ACCOUNT_LOGIN_METHODS = {"email", "username"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True  # one address per learner; a change is verified before it replaces the old
ACCOUNT_PREVENT_ENUMERATION = True  # the same answer for a known and an unknown address
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"  # hidden from people; a bot that fills it gets no account
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Lectern] "
ACCOUNT_USER_DISPLAY = "progress.accounts.profiles.display_name"
# allauth's own limits stay on for sign-ups, resets and emails; failed logins are
# counted by axes (which locks the account and tells the learner when to come back),
# so allauth's per-account login limit sits above axes's.
ACCOUNT_RATE_LIMITS = {"login_failed": "30/m/ip,20/15m/key"}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Lectern <no-reply@lectern.invalid>")

AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=15)  # a lock-out ends by itself
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # per account, and per address
AXES_USERNAME_FORM_FIELD = "login"  # allauth's field; admin's "username" is read by the callable
AXES_USERNAME_CALLABLE = "progress.accounts.lockout.attempted_login"
AXES_LOCKOUT_CALLABLE = "progress.accounts.lockout.lockout_response"
AXES_RESET_ON_SUCCESS = True
AXES_DISABLE_ACCESS_LOG = True  # failed attempts only, forgotten after the cool-off (privacy notice)
# Behind a reverse proxy (nginx), count the visitor's address, not the proxy's.
AXES_IPWARE_PROXY_COUNT = int(os.environ["AXES_PROXY_COUNT"]) if os.environ.get("AXES_PROXY_COUNT") else None
# Production runs several web processes: allauth's rate limits live in the cache, so
# they need one cache shared by all of them (Redis, from REDIS_URL: see docs/accounts.md).

# ---------------------------------------------------------------------------------------
# Operations (issue 15): shared cache, HTTP caching, health probes and request logs.
# Every variable is described in docs/deployment.md.
# ---------------------------------------------------------------------------------------
# One cache for every web process and machine when REDIS_URL is set (rate limits,
# lock-outs, cached pages); otherwise each process keeps its own, which suits the demo.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lectern"),
            # A stopped Redis fails a request within a second instead of holding it.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "lectern"}}

# How long a proxy, CDN or browser may keep an anonymous learner page (seconds).
LECTERN_HTTP_MAX_AGE = int(os.environ.get("LECTERN_HTTP_MAX_AGE", "60"))
# Whole anonymous learner pages kept in the cache and served before the page tree is walked.
LECTERN_FULL_PAGE_CACHE = os.environ.get("LECTERN_FULL_PAGE_CACHE", "true").lower() in ("1", "true", "yes")
# Changes every ETag and cached page at a deploy, when templates change but content does not.
LECTERN_RELEASE = os.environ.get("LECTERN_RELEASE", "")
# /readyz gives up on a database, cache, file store or search engine after this many seconds.
LECTERN_READY_TIMEOUT = float(os.environ.get("LECTERN_READY_TIMEOUT", "3"))

LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")  # "json" for a log collector
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "cms.request_log.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {"()": "cms.request_log.JsonFormatter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "lectern.requests": {"handlers": ["console"], "level": LOG_LEVEL, "propagate": False},
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
