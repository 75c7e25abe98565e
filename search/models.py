from django.db import models


class IndexEntry(models.Model):
    """One search document as the database engine stores it.

    SQLite searches it through an FTS5 table kept in step by triggers; PostgreSQL
    through a ``search_vector`` column built with each language's text-search
    configuration, under a GIN index (both made in migration 0002).
    """

    doc_id = models.CharField(max_length=120, unique=True)
    page_id = models.IntegerField(db_index=True)
    kind = models.CharField(max_length=40, db_index=True)
    language = models.CharField(max_length=10)  # indexed with search_vector: migration 0004
    title = models.CharField(max_length=300)
    text = models.TextField()
    url = models.CharField(max_length=500)
    timestamp = models.FloatField(null=True, blank=True)
    course_id = models.IntegerField(null=True, db_index=True)
    course_title = models.CharField(max_length=255, blank=True)
    module_id = models.IntegerField(null=True, db_index=True)
    module_title = models.CharField(max_length=255, blank=True)
    lesson_id = models.IntegerField(null=True, db_index=True)
    lesson_title = models.CharField(max_length=255, blank=True)
    topic_title = models.CharField(max_length=255)
    public = models.BooleanField(default=True)
    keywords = models.TextField(blank=True, default="")  # abbreviation and synonyms, one per line
    prominence = models.SmallIntegerField(default=0)  # 1 defines its title, -1 a moment of a whole
    # The words as searched (search/text.py: stemmed in the document's language, folded),
    # written by the engine; SQLite's FTS5 table and PostgreSQL's search_vector read them
    # (migration 0005). The keys are the title and each keyword as one string of stems,
    # for "this document is exactly the term searched".
    title_terms = models.TextField(blank=True, default="")
    keyword_terms = models.TextField(blank=True, default="")
    text_terms = models.TextField(blank=True, default="")
    title_key = models.CharField(max_length=300, blank=True, default="")
    keyword_keys = models.TextField(blank=True, default="")  # "|key|key|"

    def __str__(self):
        return f"{self.kind}: {self.title}"


class PendingChange(models.Model):
    """A page whose search documents must be (re)written or removed.

    Written in the same transaction as the change itself, applied after commit; if
    the engine is down it stays here and is replayed later, so no change is lost.
    """

    INDEX, DELETE = "index", "delete"
    page_id = models.IntegerField()
    action = models.CharField(max_length=10, choices=[(INDEX, "index"), (DELETE, "delete")])
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"{self.action} page {self.page_id}"
