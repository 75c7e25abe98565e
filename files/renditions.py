"""Image renditions that never break a page when the storage is out of reach."""

import logging

logger = logging.getLogger(__name__)

# The widths learner pages show images at (a figure's srcset); fetched with each image.
RENDITIONS = ["width-800", "width-1600"]


def rendition_or_none(image, spec: str):
    """The rendition, made if needed; None (and a log line) if the storage cannot be read.

    An existing rendition costs no storage request (its URL is computed, presigned
    locally on S3); only a new one reads the original, and that may fail while S3
    is down. A learner then sees the alternative text instead of an error page.
    """
    if image is None:
        return None
    try:
        return image.get_rendition(spec)
    except Exception:  # storage errors come from botocore, OSError, Willow…: all mean "not now"
        logger.warning("Could not make rendition %s of image %s", spec, image.pk, exc_info=True)
        return None
