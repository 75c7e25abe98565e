def add_demo_surveys(sender=None, *, course, **kwargs):
    return None
