"""Statistics and reports computed the same way by a branch and by the county server.

``compute_report`` runs over any ``ReportSource`` (the client builds one over its ORM tables,
app.services.reports.client_source; the server over its own tables); ``export_report`` writes it.
"""
