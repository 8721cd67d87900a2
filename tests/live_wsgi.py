"""The project's WSGI application, telling in a header which worker process answered."""

import os

from morpheus_errors.wsgi import application as project_application


def application(environ, start_response):
    def start_with_pid(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker-Pid", str(os.getpid()))], exc_info)

    return project_application(environ, start_with_pid)
