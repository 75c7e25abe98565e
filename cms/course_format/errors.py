class CourseFormatError(Exception):
    """A problem in a course folder, naming the file (and the place in it) at fault."""

    def __init__(self, path, message):
        self.path = str(path)
        self.message = message
        super().__init__(f"{self.path}: {message}")
