"""
The error path: an exception becomes an ApiError (conversion), the catalog snapshot
gives it its words (snapshot, languages, templating), and the formatter builds the
body and the response. Nothing here imports the admin or the reference page.
"""
