"""
What readers see of the catalog: the error-reference page, the JSON catalog, the
example requests answered by the real handler, and the OpenAPI error responses.
"""
