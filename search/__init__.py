"""Block-level search across the course (documents, indexers, engines, views).

The engines and the search page arrive with the search issue; until then Wagtail's
own database backend serves the admin search.
"""
