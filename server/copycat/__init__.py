"""Copy cataloguing from external Z39.50 and SRU targets (NLC, CALIS, neighbouring libraries).

``targets``: the configured targets; ``zoom``: Z39.50 through YAZ's ZOOM C API; ``sru``: SRU
over HTTP; ``lookup``: the county-wide lookup with its cache; ``api``: the HTTP endpoints.
"""
